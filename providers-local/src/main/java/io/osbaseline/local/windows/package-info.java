/**
 * The {@code windows-export} provider: Windows machines assessed from the files Windows tools export
 * ({@code secedit /export} and GPO security templates, {@code auditpol /backup} and GPO {@code audit.csv},
 * {@code reg export} files, Group Policy {@code Registry.pol}), from whole GPO backups, and from the bundles the
 * collector script {@code osbaseline-collect.ps1} writes. Each reader turns one file into typed facts and reports
 * what it cannot read as an {@link io.osbaseline.local.windows.ExportProblem} naming the file and the line.
 */
@ParametersAreNonnullByDefault
package io.osbaseline.local.windows;

import javax.annotation.ParametersAreNonnullByDefault;
