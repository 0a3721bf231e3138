#!/usr/bin/env bash
# Sourced by .ci/run and scripts/bench.sh: selects a JDK 21 or newer and exports JAVA_HOME and PATH.
# JAVA_HOME if it is one, else the default java, else the first JDK 21+ in /usr/lib/jvm (Temurin 25 first).
# Fails (exit 1) with what to do when there is none.

java_major() {
    # Prints the major version of the given java binary (8 for 1.8), or 0.
    local version
    version=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || true
    version=${version#1.}
    echo "${version%%[.+-]*}" | grep -E '^[0-9]+$' || echo 0
}

select_jdk() {
    local current=0
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        current=$(java_major "$JAVA_HOME/bin/java")
    elif command -v java >/dev/null 2>&1; then
        current=$(java_major "$(command -v java)")
        if (( current >= 21 )); then
            JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
            export JAVA_HOME
        fi
    fi
    if (( current >= 21 )); then
        echo "Using Java $current from $JAVA_HOME" >&2
        return
    fi
    local candidate
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/javac" ]] && (( $(java_major "$candidate/bin/java") >= 21 )); then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            echo "Default Java is $current; using JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME" >&2
            return
        fi
    done
    echo "ERROR: JDK 21 or newer is required (default Java is $current) and none was found in /usr/lib/jvm; set JAVA_HOME." >&2
    exit 1
}
