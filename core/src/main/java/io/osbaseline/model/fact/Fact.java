package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A typed fact about a machine's configuration. Each check kind of an OS baseline has its fact type (compare the
 * templates of ComplianceAsCode); {@link Setting} holds anything else. Facts are immutable records; in JSON they carry
 * their kind in the {@code type} property.
 *
 * <p>Secrets never enter a fact: accounts carry derived facts such as "password empty", never hashes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OsRelease.class, name = "os-release"),
    @JsonSubTypes.Type(value = FileInfo.class, name = "file"),
    @JsonSubTypes.Type(value = FileLines.class, name = "file-lines"),
    @JsonSubTypes.Type(value = Setting.class, name = "setting"),
    @JsonSubTypes.Type(value = Sysctl.class, name = "sysctl"),
    @JsonSubTypes.Type(value = InstalledPackage.class, name = "package"),
    @JsonSubTypes.Type(value = SystemService.class, name = "service"),
    @JsonSubTypes.Type(value = Mount.class, name = "mount"),
    @JsonSubTypes.Type(value = KernelModule.class, name = "kernel-module"),
    @JsonSubTypes.Type(value = SshdOption.class, name = "sshd-option"),
    @JsonSubTypes.Type(value = UserAccount.class, name = "user"),
    @JsonSubTypes.Type(value = UserGroup.class, name = "group"),
    @JsonSubTypes.Type(value = PamEntry.class, name = "pam"),
    @JsonSubTypes.Type(value = AuditRule.class, name = "audit-rule"),
    @JsonSubTypes.Type(value = HomeDirectory.class, name = "home-directory"),
    @JsonSubTypes.Type(value = RegistryValue.class, name = "registry-value"),
    @JsonSubTypes.Type(value = RegistryScope.class, name = "registry-scope"),
    @JsonSubTypes.Type(value = SecurityPolicy.class, name = "security-policy"),
    @JsonSubTypes.Type(value = AuditPolicy.class, name = "audit-policy"),
    @JsonSubTypes.Type(value = UserRight.class, name = "user-right"),
    @JsonSubTypes.Type(value = MachineRole.class, name = "machine-role"),
    @JsonSubTypes.Type(value = ReportedVerdict.class, name = "reported-verdict"),
})
public interface Fact {
}
