#!/bin/sh
# osbaseline evidence collector for Linux: evidence format @FORMAT@, script @SCRIPT_ID@.
#
# Run as root. Captures what the osbaseline Linux collectors read (configuration files, the mode and owner of the
# files that baselines check, the kernel's runtime values under /proc, the output of rpm and systemctl) into a gzip'ed
# tar archive, and writes it base64-encoded to stdout. Nothing is changed on the machine. Secrets stay on it: the
# password fields of passwd, group, shadow and gshadow are replaced by markers that keep only what osbaseline derives
# (set, empty, locked, no password), a file that holds a private key is never shipped, and of home directories only
# the names, modes and owners of dot files are taken.
#
# Archive layout: osbaseline/manifest first (format, script, collected, hostname, root), then root/... (the machine's
# files, as tar entries with their modes and owners), then osbaseline/{listed,absent,unread,names,programs} and
# osbaseline/commands/N/{argv,exit,stdout,stderr}. The osbaseline Java SDK reads it (LinuxEvidence.read).
#
# Environment (tests): OSBASELINE_ROOT=DIR reads the root at DIR instead of /, its runtime state under DIR/proc, and
# runs commands only from OSBASELINE_COMMANDS (a colon-separated list of directories), if set.
# Needs: POSIX sh, coreutils, findutils (find, xargs), GNU tar 1.29 or later, gzip, awk, grep, sed.

set -u
LC_ALL=C
export LC_ALL
umask 077

format=@FORMAT@
script_id=@SCRIPT_ID@
# the largest file the SDK reads from evidence
max_bytes=@MAX_FILE_BYTES@

fail() {
    printf 'osbaseline collector: %s\n' "$1" >&2
    exit "${2:-1}"
}

root=${OSBASELINE_ROOT:-/}
r=$root
while :; do
    case $r in */) r=${r%/} ;; *) break ;; esac
done
if [ -n "$r" ]; then
    [ -d "$r" ] || fail "OSBASELINE_ROOT=$root is not a directory" 2
    case $r in /*) ;; *) fail "OSBASELINE_ROOT=$root is not an absolute path" 2 ;; esac
else
    [ "$(id -u)" = 0 ] || fail "run this script as root: it reads /etc/shadow and files only root may read" 2
    PATH=${PATH:-}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/osbaseline.XXXXXX") || fail "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

stage=$work/stage
meta=$stage/osbaseline
mkdir -p "$stage/root" "$meta/commands" || fail "cannot write to $work"
# what to archive (kind TAB path), what is known absent, which directories were listed, which files are unreadable
exec 3>"$work/plan" 4>"$meta/absent" 5>"$meta/listed" 6>"$meta/unread"
: >"$meta/programs"
: >"$work/keys"
: >"$work/dotted"
: >"$work/runtime"

nl='
'
tab='	'
withheld='not collected: only its mode and owner were'

plan() {
    printf '%s\t%s\n' "$1" "$2" >&3
}

# The reason of a failed read, as the SDK words it: the last part of the tool's message.
reason() {
    case $1 in
        *'Permission denied'*) printf 'permission denied' ;;
        *) printf '%s' "${1##*: }" ;;
    esac
}

# walk PATH: follows PATH inside the root the way a process chrooted into it would, one component at a time,
# recording every symbolic link met on the way. Sets $at to where PATH leads (empty for the root) and returns 0; or
# returns 1 when a component is missing (the first missing path is recorded as absent), the path leaves the root or
# loops (the SDK meets the same links and refuses them the same way).
walk() {
    w_todo=$1 w_done='' w_links=0
    while [ -n "$w_todo" ]; do
        case $w_todo in /*) w_todo=${w_todo#/}; continue ;; esac
        case $w_todo in
            */*) w_c=${w_todo%%/*} w_todo=${w_todo#*/} ;;
            *) w_c=$w_todo w_todo= ;;
        esac
        case $w_c in
            .) continue ;;
            ..) [ -n "$w_done" ] || return 1; w_done=${w_done%/*}; continue ;;
            *"$nl"*) return 1 ;;
        esac
        w_p=$w_done/$w_c
        if [ -L "$r$w_p" ]; then
            w_links=$((w_links + 1))
            [ "$w_links" -le 40 ] || return 1
            plan entry "$w_p"
            w_t=$(readlink "$r$w_p") || return 1
            case $w_t in /*) w_done='' ;; esac
            if [ -n "$w_todo" ]; then w_todo=$w_t/$w_todo; else w_todo=$w_t; fi
            continue
        fi
        if [ ! -e "$r$w_p" ]; then
            printf '%s\n' "$w_p" >&4
            return 1
        fi
        w_done=$w_p
        if [ -n "$w_todo" ] && [ ! -d "$r$w_p" ]; then
            entry "$w_p"
            return 1
        fi
    done
    at=$w_done
    return 0
}

# take MODE: captures what $at is. A regular file by MODE (read, config, stat, redact, unit, dpkg), anything else as
# is.
take() {
    [ -n "$at" ] || return 0
    if [ -f "$r$at" ]; then
        if [ "$1" = stat ] || [ -r "$r$at" ]; then plan "$1" "$at"; else plan denied "$at"; fi
    elif [ -S "$r$at" ]; then
        plan name-o "$at"
    else
        plan entry "$at"
    fi
}

# entry PATH: the entry itself (a final link is not followed), with its mode and owner but no content.
entry() {
    if [ -L "$r$1" ] || [ -d "$r$1" ]; then plan entry "$1"
    elif [ -f "$r$1" ]; then plan stat "$1"
    elif [ -S "$r$1" ]; then plan name-o "$1"
    else plan entry "$1"
    fi
}

# named PATH: the entry by name and kind only.
named() {
    if [ -L "$r$1" ]; then plan name-l "$1"
    elif [ -d "$r$1" ]; then plan name-d "$1"
    elif [ -f "$r$1" ]; then plan name-f "$1"
    else plan name-o "$1"
    fi
}

# list_dir DIR MODE GLOB...: every entry of DIR; those matching a GLOB are captured by MODE (read, config, stat, unit:
# their target followed; dirs: listed in turn, their entries by entry), the others by name.
list_dir() {
    walk "$1" || return 0
    l_dir=$at l_mode=$2
    shift 2
    if [ ! -d "$r${l_dir:-/}" ]; then
        take stat
        return 0
    fi
    take stat
    if [ ! -r "$r${l_dir:-/}" ] || [ ! -x "$r${l_dir:-/}" ]; then
        printf '%s\t%s\n' "${l_dir:-/}" 'permission denied' >&6
        return 0
    fi
    l_complete=yes
    [ "$l_mode" = dirs ] && : >"$work/subdirs"
    for l_f in "$r$l_dir"/* "$r$l_dir"/.[!.]* "$r$l_dir"/..?*; do
        [ -e "$l_f" ] || [ -L "$l_f" ] || continue
        l_n=${l_f##*/}
        case $l_n in *"$nl"*) l_complete=no; continue ;; esac
        l_hit=
        for l_g in "$@"; do
            # shellcheck disable=SC2254 # the glob is a pattern on purpose
            case $l_n in $l_g) l_hit=yes; break ;; esac
        done
        if [ -z "$l_hit" ]; then
            named "$l_dir/$l_n"
        elif [ "$l_mode" = entry ]; then
            entry "$l_dir/$l_n"
        elif [ "$l_mode" = dirs ]; then
            if [ -d "$l_f" ] && [ ! -L "$l_f" ]; then printf '%s\n' "$l_dir/$l_n" >>"$work/subdirs"; else entry "$l_dir/$l_n"; fi
        elif walk "$l_dir/$l_n"; then
            take "$l_mode"
        fi
    done
    [ "$l_complete" = yes ] && printf '*\t%s\n' "${l_dir:-/}" >&5
    if [ "$l_mode" = dirs ]; then
        mv "$work/subdirs" "$work/subdirs.now"
        while IFS= read -r l_sub; do
            list_dir "$l_sub" entry '*'
        done <"$work/subdirs.now"
    fi
}

# glob_paths PATTERN MODE: the paths a glob names, expanded as the SDK expands it, one a line. Every directory a
# wildcard component looks into is listed, its matching entries captured by MODE.
glob_paths() {
    printf '\n' >"$work/glob"
    g_rest=$1 g_mode=$2
    while [ -n "$g_rest" ]; do
        case $g_rest in /*) g_rest=${g_rest#/}; continue ;; esac
        case $g_rest in
            */*) g_c=${g_rest%%/*} g_rest=${g_rest#*/} ;;
            *) g_c=$g_rest g_rest= ;;
        esac
        : >"$work/glob.next"
        while IFS= read -r g_pre; do
            case $g_c in
                *[*?[]*)
                    list_dir "${g_pre:-/}" "$g_mode" "$g_c"
                    walk "${g_pre:-/}" || continue
                    for g_f in "$r$at"/* "$r$at"/.[!.]* "$r$at"/..?*; do
                        [ -e "$g_f" ] || [ -L "$g_f" ] || continue
                        g_n=${g_f##*/}
                        # shellcheck disable=SC2254 # the glob is a pattern on purpose
                        case $g_n in $g_c) printf '%s/%s\n' "$g_pre" "$g_n" >>"$work/glob.next" ;; esac
                    done
                    ;;
                *) printf '%s/%s\n' "$g_pre" "$g_c" >>"$work/glob.next" ;;
            esac
        done <"$work/glob"
        mv "$work/glob.next" "$work/glob"
    done
    cat "$work/glob"
}

# sshd_config PATH BASE: an sshd configuration file and the files its Include directives name, up to 16 levels.
sshd_config() {
    s_base=$2
    printf '%s\n' "$1" >"$work/sshd.todo"
    s_depth=0
    while [ -s "$work/sshd.todo" ] && [ "$s_depth" -le 16 ]; do
        s_depth=$((s_depth + 1))
        mv "$work/sshd.todo" "$work/sshd.now"
        : >"$work/sshd.todo"
        while IFS= read -r s_pattern; do
            glob_paths "$s_pattern" config >"$work/sshd.files"
            while IFS= read -r s_file; do
                walk "$s_file" || continue
                take config
                if [ ! -f "$r$at" ] || [ ! -r "$r$at" ]; then continue; fi
                awk -v base="$s_base" '
                    { line = $0; sub(/^[ \t]+/, "", line) }
                    tolower(substr(line, 1, 7)) != "include" { next }
                    {
                        rest = substr(line, 8)
                        if (rest !~ /^[ \t=]/) next
                        sub(/^[ \t]*=?[ \t]*/, "", rest)
                        n = split(rest, words, /[ \t]+/)
                        for (i = 1; i <= n; i++) {
                            w = words[i]
                            if (w == "") continue
                            if (substr(w, 1, 1) == "#") break
                            gsub(/["\047]/, "", w)
                            print (substr(w, 1, 1) == "/" ? w : base "/" w)
                        }
                    }' "$r$at" >>"$work/sshd.todo"
            done <"$work/sshd.files"
        done <"$work/sshd.now"
    done
}

# The /proc/sys paths of the keys that sysctl configuration files set (globs excluded), as the SDK spells them.
sysctl_keys() {
    awk '
        {
            line = $0
            sub(/^[ \t\r\f\v]+/, "", line); sub(/[ \t\r\f\v]+$/, "", line)
            if (line == "" || line ~ /^[#;]/) next
            if (substr(line, 1, 1) == "-") { line = substr(line, 2); sub(/^[ \t]+/, "", line) }
            eq = index(line, "=")
            if (eq == 0) next
            key = substr(line, 1, eq - 1); sub(/[ \t]+$/, "", key)
            if (key == "" || key ~ /[*?[]/) next
            slash = index(key, "/"); dot = index(key, ".")
            if (slash > 0 && (dot == 0 || slash < dot)) { print key; next }
            out = ""
            for (i = 1; i <= length(key); i++) {
                c = substr(key, i, 1)
                out = out (c == "." ? "/" : c == "/" ? "." : c)
            }
            print out
        }' "$@"
}

sysctl_source() {
    walk "$1" || return 0
    if [ -d "$r${at:-/}" ]; then
        y_dir=$at
        for y_f in "$r$y_dir"/*.conf; do
            [ -e "$y_f" ] || continue
            walk "$y_dir/${y_f##*/}" || continue
            [ -f "$r$at" ] && [ -r "$r$at" ] && sysctl_keys "$r$at" >>"$work/keys"
        done
    elif [ -f "$r$at" ] && [ -r "$r$at" ]; then
        sysctl_keys "$r$at" >>"$work/keys"
    fi
}

# runtime PATH: a file of the running kernel, copied as it reads (tar would see /proc files as empty).
runtime() {
    case $1/ in */../* | */./* | *//*) return 0 ;; esac
    if [ ! -e "$r$1" ]; then
        u_p=$1
        while [ -n "${u_p%/*}" ] && [ ! -e "$r${u_p%/*}" ]; do u_p=${u_p%/*}; done
        printf '%s\n' "$u_p" >&4
        return 0
    fi
    [ -d "$stage/root${1%/*}" ] || mkdir -p "$stage/root${1%/*}"
    if ! u_err=$(cat "$r$1" 2>&1 >"$stage/root$1"); then
        : >"$stage/root$1"
        printf '%s\t%s\n' "$1" "$(reason "$u_err")" >&6
    fi
    printf '%s\n' "$1" >>"$work/runtime"
}

sysctl_runtime() {
    # a dotted key is a path under /proc/sys with dots and slashes swapped
    awk '{ gsub(/\./, "\001"); gsub(/\//, "."); gsub(/\001/, "/"); print }' "$work/dotted" >>"$work/keys"
    sort -u "$work/keys" >"$work/keys.sorted"
    while IFS= read -r k; do
        runtime "$1/$k"
    done <"$work/keys.sorted"
}

find_program() {
    if [ -n "$r" ]; then
        p_dirs=${OSBASELINE_COMMANDS:-}
        while [ -n "$p_dirs" ]; do
            p_d=${p_dirs%%:*}
            case $p_dirs in *:*) p_dirs=${p_dirs#*:} ;; *) p_dirs= ;; esac
            [ -n "$p_d" ] && [ -f "$p_d/$1" ] && [ -x "$p_d/$1" ] && { printf '%s' "$p_d/$1"; return 0; }
        done
        return 1
    fi
    p_path=$(command -v "$1") || return 1
    case $p_path in /*) printf '%s' "$p_path" ;; *) return 1 ;; esac
}

commands=0
run_command() {
    c_name=$1
    shift
    if ! c_path=$(find_program "$c_name"); then
        printf '%s\t\n' "$c_name" >>"$meta/programs"
        return 0
    fi
    printf '%s\t%s\n' "$c_name" "$c_path" >>"$meta/programs"
    commands=$((commands + 1))
    c_dir=$meta/commands/$commands
    mkdir "$c_dir"
    { printf '%s\n' "$c_path"; printf '%s\n' "$@"; } >"$c_dir/argv"
    if command -v timeout >/dev/null 2>&1; then
        timeout 120 "$c_path" "$@" <"/dev/null" >"$c_dir/stdout" 2>"$c_dir/stderr"
    else
        "$c_path" "$@" <"/dev/null" >"$c_dir/stdout" 2>"$c_dir/stderr"
    fi
    printf '%s\n' "$?" >"$c_dir/exit"
}

# homes PASSWD: each account's home directory and the entries in it whose names start with a dot, without content.
homes() {
    walk "$1" || return 0
    [ -f "$r$at" ] && [ -r "$r$at" ] || return 0
    awk -F: 'NF >= 6 && substr($6, 1, 1) == "/" { print $6 }' "$r$at" | sort -u >"$work/homes"
    while IFS= read -r h_home; do
        walk "$h_home" || continue
        take stat
        h_dir=$at
        [ -d "$r${h_dir:-/}" ] || continue
        if [ ! -r "$r${h_dir:-/}" ] || [ ! -x "$r${h_dir:-/}" ]; then
            printf '%s\t%s\n' "${h_dir:-/}" 'permission denied' >&6
            continue
        fi
        h_complete=yes
        for h_f in "$r$h_dir"/.[!.]* "$r$h_dir"/..?*; do
            [ -e "$h_f" ] || [ -L "$h_f" ] || continue
            case ${h_f##*/} in *"$nl"*) h_complete=no; continue ;; esac
            entry "$h_dir/${h_f##*/}"
        done
        [ "$h_complete" = yes ] && printf '.*\t%s\n' "${h_dir:-/}" >&5
    done <"$work/homes"
}

# netdev DIR: the network interfaces of the running kernel (/sys/class/net): each one's flags, and whether it has a
# wireless or phy80211 entry, as files and directories of the stage; other entries by name.
netdev() {
    walk "$1" || return 0
    take stat
    n_dir=$at
    [ -d "$r${n_dir:-/}" ] || return 0
    for n_f in "$r$n_dir"/*; do
        [ -e "$n_f" ] || [ -L "$n_f" ] || continue
        n_n=${n_f##*/}
        case $n_n in *"$nl"*) continue ;; esac
        if [ ! -d "$n_f" ]; then
            named "$n_dir/$n_n"
            continue
        fi
        runtime "$n_dir/$n_n/flags"
        for n_w in wireless phy80211; do
            if [ -e "$n_f/$n_w" ]; then
                mkdir -p "$stage/root$n_dir/$n_n/$n_w"
                printf '%s\n' "$n_dir/$n_n/$n_w" >>"$work/runtime"
            else
                printf '%s\n' "$n_dir/$n_n/$n_w" >&4
            fi
        done
    done
    printf '*\t%s\n' "${n_dir:-/}" >&5
}

hostname=
for h in /proc/sys/kernel/hostname /etc/hostname; do
    if [ -f "$r$h" ] && [ -r "$r$h" ]; then
        hostname=$(awk 'NF && $1 !~ /^#/ { print $1; exit }' "$r$h")
        [ -n "$hostname" ] && break
    fi
done
{
    printf 'format=%s\n' "$format"
    printf 'script=%s\n' "$script_id"
    printf 'collected=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'hostname=%s\n' "$hostname"
    printf 'root=%s\n' "$root"
} >"$meta/manifest"

# The capture plan: what the SDK's collectors read (io.osbaseline.local.linux.CollectorInputs).
while IFS= read -r line; do
    set -f
    # shellcheck disable=SC2086 # split into the verb and its arguments
    set -- $line
    set +f
    verb=$1
    shift
    case $verb in
        read | config | stat | redact)
            walk "$1" && take "$verb" ;;
        dpkg-status)
            walk "$1" && take dpkg ;;
        grub | netconf)
            walk "$1" && take "$verb" ;;
        netdev)
            netdev "$1" ;;
        list)
            list_dir "$@" ;;
        sshd)
            sshd_config "$1" "$2" ;;
        sysctl-key)
            printf '%s\n' "$1" >>"$work/dotted" ;;
        sysctl-source)
            sysctl_source "$1" ;;
        sysctl-runtime)
            sysctl_runtime "$1" ;;
        runtime)
            runtime "$1" ;;
        command)
            run_command "$@" ;;
        homes)
            homes "$1" ;;
        *)
            fail "unknown capture '$verb' in the plan" 3 ;;
    esac
done <<'PLAN'
@PLAN@
PLAN
exec 3>&- 4>&- 5>&- 6>&-

# One kind per path, the strongest: a file whose content is needed once is read; passwd-style files are always
# redacted, whatever asked for them.
awk -F'\t' '
    BEGIN {
        rank["name-o"] = 1; rank["name-f"] = 1; rank["name-d"] = 1; rank["name-l"] = 1
        rank["stat"] = 2; rank["denied"] = 3; rank["unit"] = 4; rank["dpkg"] = 4; rank["config"] = 4
        rank["grub"] = 4; rank["netconf"] = 4
        rank["read"] = 5; rank["entry"] = 5; rank["redact"] = 6
    }
    {
        k = $1; p = substr($0, length($1) + 2)
        if (p ~ /^\/etc\/(passwd|group|shadow|gshadow)-?$/ && k != "stat" && k != "denied" && k !~ /^name-/) k = "redact"
        if (!(p in best) || rank[k] > rank[best[p]]) best[p] = k
    }
    END { for (p in best) printf "%s\t%s\n", best[p], p }' "$work/plan" | sort -t "$tab" -k2 >"$work/final"

paths_of() {
    awk -F'\t' -v k="$1" '$1 == k { print substr($0, length($1) + 2) }' "$work/final"
}

# the paths read from stdin, under the root, NUL-terminated for xargs -0
under_root() {
    awk -v r="$r" '{ printf "%s%s%c", r, $0, 0 }'
}
rootlen=$(printf '%s' "$r" | wc -c)

# Content that stays on the machine whatever asked for it: a file that holds a private key, and a file larger than
# the SDK reads. What is kept of it is its mode and owner, and the reason.
{ paths_of read; paths_of config; paths_of redact; paths_of unit; paths_of grub; paths_of netconf; } >"$work/content"
: >"$work/withheld.all"
if [ -s "$work/content" ]; then
    under_root <"$work/content" | xargs -0 stat -c '%s:%n' 2>/dev/null | awk -F: -v n="$rootlen" -v max="$max_bytes" '
        $1 > max { printf "%s\tnot collected: larger than %d bytes\n", substr($0, length($1) + 2 + n), max }' \
        >>"$work/withheld.all"
    under_root <"$work/content" | xargs -0 grep -l -F -e 'PRIVATE KEY-----' -- 2>/dev/null \
        | awk -v n="$rootlen" '{ printf "%s\tnot collected: it holds a private key\n", substr($0, n + 1) }' \
        >>"$work/withheld.all"
fi
awk '{ path = substr($0, 1, match($0, /\t[^\t]*$/) - 1) } !seen[path]++' "$work/withheld.all" >"$work/withheld"
awk '{ print substr($0, 1, match($0, /\t[^\t]*$/) - 1) }' "$work/withheld" >"$work/withheld.paths"
kept() {
    paths_of "$1" | awk 'FILENAME == ARGV[1] { out[$0]; next } !($0 in out)' "$work/withheld.paths" -
}

# an empty file in the stage, to be written by a transform or to stand for a file whose content is not shipped
stage_empty() {
    [ -d "$stage/root${1%/*}" ] || mkdir -p "$stage/root${1%/*}"
    : >"$stage/root$1" && printf '%s\n' "$1" >>"$work/staged"
}

# Files archived from the root as they are (relative names), and files made in the stage.
{ kept read; paths_of entry; } | sed 's|^/||' >"$work/fromroot"
: >"$work/staged"
for kind in redact unit dpkg config grub netconf; do
    kept "$kind" >"$work/$kind"
    while IFS= read -r p; do
        stage_empty "$p"
    done <"$work/$kind"
done
{ paths_of stat; paths_of denied; cat "$work/withheld.paths"; } | while IFS= read -r p; do
    stage_empty "$p"
done
{
    paths_of stat | awk -v why="$withheld" '{ printf "%s\t%s\n", $0, why }'
    paths_of denied | awk '{ printf "%s\tpermission denied\n", $0 }'
    cat "$work/withheld"
} >>"$meta/unread"
awk -F'\t' '$1 ~ /^name-/ { printf "%s\t%s\n", substr($1, 6), substr($0, length($1) + 2) }' "$work/final" \
    >"$meta/names"
cat "$work/runtime" >>"$work/staged"

export OSB_STAGE="$stage/root" OSB_ROOT="$r"
transform() {
    [ -s "$work/$1" ] || return 0
    under_root <"$work/$1" | xargs -0 awk "$2"
}
# passwd, group, shadow, gshadow: the second field keeps only what it says (SET, EMPTY, LOCKED, NO_PASSWORD)
# shellcheck disable=SC2016 # awk programs
transform redact '
    function hash(f) { return f ~ /^[$_]./ || (length(f) == 13 && f ~ /^[.\/0-9A-Za-z]+$/) }
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1) }
    {
        n = split($0, f, ":")
        if (n >= 2 && f[2] != "" && f[2] != "x" && f[2] != "*" && f[2] != "!" && f[2] != "!!" && f[2] != "!*") {
            p = f[2]
            if (substr(p, 1, 1) == "!") { sub(/^!+/, "", p); m = hash(p) ? "!$osbaseline$redacted" : "!*osbaseline-redacted" }
            else m = hash(p) ? "$osbaseline$redacted" : "*osbaseline-redacted"
            line = f[1] ":" m
            for (i = 3; i <= n; i++) line = line ":" f[i]
            print line > out
        } else print > out
    }'
# systemd units: section headers and the [Install] section, the logical lines the services collector reads
# shellcheck disable=SC2016
transform unit '
    function strip(s) { sub(/^[ \t\r\f\v]+/, "", s); sub(/[ \t\r\f\v]+$/, "", s); return s }
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1); inst = 0; n = 0; logical = "" }
    {
        phys[++n] = $0
        line = strip($0)
        if (line ~ /\\$/) { logical = logical substr(line, 1, length(line) - 1) " "; next }
        l = strip(logical line); logical = ""
        keep = 0
        if (l != "" && l !~ /^[#;]/) {
            if (substr(l, 1, 1) == "[") { inst = (l == "[Install]"); keep = 1 } else keep = inst
        }
        if (keep) for (i = 1; i <= n; i++) print phys[i] > out
        n = 0
    }'
# configuration files: comment lines emptied (not removed: line numbers stay), unless continued onto
# shellcheck disable=SC2016
transform config '
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1); continued = 0 }
    {
        if ($0 ~ /^[ \t]*#/ && !continued) print "" > out; else print > out
        line = $0; sub(/[ \t\r]+$/, "", line)
        continued = line ~ /\\$/
    }'
# the dpkg status database: the fields the packages collector reads, and the paragraph breaks
transform dpkg '
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1) }
    /^[ \t\r\f\v]*$/ { print "" > out; next }
    /^(Package|Status|Version):/ { print > out }'
# GRUB configuration: password hashes and plain-text passwords replaced by a marker of the same form (pbkdf2, md5 or
# encrypted, plain), variable references kept; comment lines emptied
# shellcheck disable=SC2016
transform grub '
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1) }
    /^[ \t]*#/ { print "" > out; next }
    {
        line = $0
        if (match(line, /^[ \t]*password_pbkdf2[ \t]+[^ \t]+[ \t]+/)) {
            if (substr(line, RLENGTH + 1) !~ /^"?\$/) line = substr(line, 1, RLENGTH) "grub.pbkdf2.sha512.osbaseline-redacted"
        } else if (match(line, /^[ \t]*password[ \t]+--(md5|encrypted)[ \t]+/)) {
            line = substr(line, 1, RLENGTH) "osbaseline-redacted"
        } else if (match(line, /^[ \t]*password[ \t]+[^ \t]+[ \t]+/) || match(line, /^[ \t]*password[ \t]+/)) {
            line = substr(line, 1, RLENGTH) "osbaseline-redacted"
        } else if (match(line, /^[ \t]*(export[ \t]+)?GRUB2_PASSWORD=/)) {
            v = substr(line, RLENGTH + 1)
            if (v != "" && v != "\"\"" && v != "\047\047") line = substr(line, 1, RLENGTH) "osbaseline-redacted"
        }
        print line > out
    }'
# network configuration (ifupdown interfaces files, rc.local): only the lines that source other files or that mention
# promisc or ipv4ll, which is all the collector reads; the others (they may hold Wi-Fi keys) emptied
# shellcheck disable=SC2016
transform netconf '
    FNR == 1 { if (out != "") close(out); out = ENVIRON["OSB_STAGE"] substr(FILENAME, length(ENVIRON["OSB_ROOT"]) + 1) }
    {
        keep = $0 ~ /^[ \t]*(source|source-directory)[ \t]/ || ($0 !~ /^[ \t]*#/ && ($0 ~ /promisc/ || $0 ~ /ipv4ll/))
        if (keep) print > out; else print "" > out
    }'

tarball=$work/evidence.tar
tar_opts="--format=gnu --numeric-owner --no-recursion --verbatim-files-from --mtime=@0"
# shellcheck disable=SC2086 # the options are words
tar -cf "$tarball" $tar_opts -C "$stage" osbaseline/manifest || fail "tar failed"
if [ -s "$work/fromroot" ]; then
    # shellcheck disable=SC2086
    tar -rf "$tarball" $tar_opts --hard-dereference --ignore-failed-read -C "${r:-/}" --transform='s,^,root/,S' \
        -T "$work/fromroot" 2>"$work/tar.err"
    [ "$?" -le 1 ] || fail "tar failed: $(head -n 1 "$work/tar.err")"
fi
# made files carry the mode and owner of the file they stand for
if [ -s "$work/staged" ]; then
    under_root <"$work/staged" | xargs -0 stat -c '%u:%g:%a:%n' 2>/dev/null \
        | awk -F: -v n="$rootlen" -v dir="$work" '{
            p = substr($0, length($1 $2 $3) + 4 + n)
            group = dir "/group." $1 "." $2 "." $3
            print "root" p > group
        }'
    for g in "$work"/group.*; do
        [ -e "$g" ] || continue
        # shellcheck disable=SC2046 # uid, gid and mode
        set -- $(printf '%s' "${g##*/group.}" | tr . ' ')
        # shellcheck disable=SC2086
        tar -rf "$tarball" $tar_opts --owner=":$1" --group=":$2" --mode="0$3" -C "$stage" -T "$g" \
            || fail "tar failed"
    done
fi
(cd "$stage" && find osbaseline/commands -print) >"$work/metafiles"
printf '%s\n' osbaseline/listed osbaseline/absent osbaseline/unread osbaseline/names osbaseline/programs \
    >>"$work/metafiles"
# shellcheck disable=SC2086
tar -rf "$tarball" $tar_opts --owner=:0 --group=:0 -C "$stage" -T "$work/metafiles" || fail "tar failed"
gzip -9 -n -c "$tarball" >"$tarball.gz" || fail "gzip failed"
base64 "$tarball.gz" || fail "base64 failed"
