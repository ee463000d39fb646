#!/usr/bin/env bash
# Runs every measurement of benchmarks/RESULTS.md, in order, and keeps the raw output in benchmarks/target/results/.
# Usage, from the repository root:  benchmarks/measure.sh [STEP...]
# Steps: machine build engine-build assess fleet alternatives fact-shape stream cold-start (default: all of them),
# and before.
# before and cold-start compare with the build in $OSBASELINE_BEFORE (a checkout of an earlier commit, built with
# "mvn -q -o -pl benchmarks,examples -am -DskipTests package"), when that variable is set: before runs the fleets
# of both families on one thread with that build's engine and with this one's, one after the other.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/benchmarks/target/results"
jar="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$out"
cd "$root"

run() {
  local name="$1"
  shift
  echo "== $name: $*" | tee "$out/$name.txt"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$name.txt"
  "$@" 2>&1 | tee -a "$out/$name.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$name.txt"
}

jmh() {
  local name="$1"
  shift
  run "$name" java -jar "$jar" "$@" -rf json -rff "$out/$name.json"
}

profilers=(-prof gc -prof io.osbaseline.bench.jmh.CpuTimeProfiler)
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(machine build engine-build assess fleet alternatives fact-shape stream cold-start)

for step in "${steps[@]}"; do
  case "$step" in
    machine)
      { echo "nproc: $(nproc)"; lscpu | grep -E 'Model name|^CPU\(s\)|Thread|MHz' || true
        java -version 2>&1; free -m | head -2; echo "load: $(cat /proc/loadavg)"; } | tee "$out/machine.txt" ;;
    build)
      run build mvn -B -q -o -pl benchmarks,examples -am -DskipTests package ;;
    engine-build)
      jmh engine-build-cold EngineBuildBenchmark
      jmh engine-build-warm EngineBuildBenchmark -f 1 -wi 5 -i 10 ;;
    assess)
      # the captured Linux roots, the generated Windows Server 2022 export and, when ../shared is there, a DISA GPO
      snapshots=host,debian12,rhel9,windows2022
      [ -d /work/shared/testdata/windows ] && snapshots+=,windows-dod-winsvr-2022-ms-stig-comp-v1r4
      jmh assess 'AssessBenchmark\.(drools|reference)$' -p snapshot=$snapshots "${profilers[@]}" ;;
    fleet)
      jmh fleet FleetBenchmark "${profilers[@]}" ;;
    alternatives)
      for family in LINUX WINDOWS; do
        jmh "alt-classic-packs-$family" FleetBenchmark.oneThread -p engine=drools -p family=$family \
          -jvmArgsAppend -Dosbaseline.drools.packs=classic "${profilers[@]}"
      done
      jmh alt-fresh-sessions FleetBenchmark.oneThread -p engine=drools -p family=LINUX \
        -jvmArgsAppend -Dosbaseline.drools.sessions=fresh "${profilers[@]}"
      jmh alt-insert-all FleetBenchmark.oneThread -p engine=drools -p family=LINUX \
        -jvmArgsAppend -Dosbaseline.drools.insert=all "${profilers[@]}"
      jmh alt-no-alpha-hashing FleetBenchmark.oneThread -p engine=drools -p family=LINUX \
        -jvmArgsAppend -Ddrools.alphaNodeHashingThreshold=0 "${profilers[@]}"
      jmh alt-insert-all-no-alpha-hashing FleetBenchmark.oneThread -p engine=drools -p family=LINUX \
        -jvmArgsAppend "-Dosbaseline.drools.insert=all -Ddrools.alphaNodeHashingThreshold=0" "${profilers[@]}" ;;
    before)
      for family in LINUX WINDOWS; do
        run "before-$family" java -jar "$OSBASELINE_BEFORE/benchmarks/target/benchmarks.jar" FleetBenchmark.oneThread \
          -p engine=drools -p family=$family "${profilers[@]}"
        jmh "after-$family" FleetBenchmark.oneThread -p engine=drools -p family=$family "${profilers[@]}"
      done ;;
    fact-shape)
      jmh fact-shape FactShapeBenchmark "${profilers[@]}" ;;
    stream)
      # warmed up first (50,000 machines, untimed), so that 100k and 1M compare compiled code
      run stream-100k java -Xmx512m -cp "$jar" io.osbaseline.bench.StreamScale 100000 2 50000
      run stream-1m java -Xmx512m -cp "$jar" io.osbaseline.bench.StreamScale 1000000 2 50000 ;;
    cold-start)
      ./osbaseline scan >/dev/null 2>&1 || true  # builds, and trains the class-data archive
      commands=("./osbaseline scan" "./osbaseline scan --format json"
                "java -jar examples/target/osbaseline.jar scan")
      if [ -n "${OSBASELINE_BEFORE:-}" ]; then
        commands+=("java -jar $OSBASELINE_BEFORE/examples/target/osbaseline.jar scan")
      fi
      run cold-start hyperfine -i -N -w 3 -r 20 --export-json "$out/cold-start.json" "${commands[@]}" ;;
    *)
      echo "unknown step $step" >&2
      exit 2 ;;
  esac
done
