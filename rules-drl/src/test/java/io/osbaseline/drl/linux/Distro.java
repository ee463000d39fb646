package io.osbaseline.drl.linux;

/**
 * The distributions the Linux baseline is tested on, with their os-release. Ubuntu 16.04 is out of support; it stands
 * for the releases with an OpenSSH older than 7.4, which some rules still judge.
 */
enum Distro {
    DEBIAN_11("debian", "", "11", "Debian GNU/Linux"),
    DEBIAN_12("debian", "", "12", "Debian GNU/Linux"),
    UBUNTU_16_04("ubuntu", "debian", "16.04", "Ubuntu"),
    UBUNTU_20_04("ubuntu", "debian", "20.04", "Ubuntu"),
    UBUNTU_22_04("ubuntu", "debian", "22.04", "Ubuntu"),
    UBUNTU_24_04("ubuntu", "debian", "24.04", "Ubuntu"),
    RHEL_8("rhel", "fedora", "8.10", "Red Hat Enterprise Linux"),
    RHEL_9("rhel", "fedora", "9.4", "Red Hat Enterprise Linux"),
    ALMA_9("almalinux", "rhel centos fedora", "9.4", "AlmaLinux"),
    ROCKY_9("rocky", "rhel centos fedora", "9.4", "Rocky Linux"),
    SLES_15("sles", "suse", "15.5", "SLES"),
    AZURE_LINUX_2("mariner", "", "2.0", "Common Base Linux Mariner");

    final String id;
    final String idLike;
    final String versionId;
    final String name;

    Distro(String id, String idLike, String versionId, String name) {
        this.id = id;
        this.idLike = idLike;
        this.versionId = versionId;
        this.name = name;
    }

    /** Debian, Ubuntu: dpkg, common-* PAM files, /etc/default. */
    boolean debianFamily() {
        return id.equals("debian") || idLike.contains("debian");
    }

    /** RHEL, Alma, Rocky: rpm, system-auth/password-auth, /etc/sysconfig. */
    boolean rhelFamily() {
        return id.equals("rhel") || idLike.contains("rhel");
    }

    boolean suse() {
        return id.equals("sles") || idLike.contains("suse");
    }

    boolean azureLinux() {
        return id.equals("mariner") || id.equals("azurelinux");
    }

    /** The openssh-server version the distribution ships, as dpkg writes it (Debian family only). */
    String openSshVersion() {
        return switch (this) {
            case DEBIAN_11 -> "1:8.4p1-5+deb11u3";
            case UBUNTU_16_04 -> "1:7.2p2-4ubuntu2.10";
            case UBUNTU_20_04 -> "1:8.2p1-4ubuntu0.11";
            case UBUNTU_22_04 -> "1:8.9p1-3ubuntu0.10";
            case UBUNTU_24_04 -> "1:9.6p1-3ubuntu13.5";
            default -> "1:9.2p1-2+deb12u3";
        };
    }

    /** The lines of /etc/os-release. */
    String[] osRelease() {
        return new String[] {"NAME=\"" + name + "\"", "ID=" + id, idLike.isEmpty() ? "" : "ID_LIKE=\"" + idLike + "\"",
                "VERSION_ID=\"" + versionId + "\"", "PRETTY_NAME=\"" + name + " " + versionId + "\""};
    }
}
