/**
 * The Drools implementation of the engine SPI. Rules report their verdicts through the {@link Verdicts} global;
 * their metadata ({@code @id}, {@code @title}, {@code @severity}, ...) becomes {@link io.osbaseline.model.RuleInfo}.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.drl;

import javax.annotation.ParametersAreNonnullByDefault;
