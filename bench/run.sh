#!/usr/bin/env bash
# The HTTP benchmark: jwtlib's resource-server modes (issue 5) and the pairs P1-P4 (issue 6).
#   bench/run.sh                      # everything, about 10 minutes on 2 cores
#   BENCH_SECONDS=5 bench/run.sh      # shorter scenarios
#   BENCH_KEYCLOAK=false bench/run.sh # without the Keycloak comparison (P4)
#   BENCH_ONLY=p1p2 bench/run.sh      # some groups only: modes, p1p2, p3, p4 (results still written)
#   BENCH_JFR=true bench/run.sh       # also record a JFR CPU profile of the service server (target/bench-service.jfr)
#   BENCH_SERVICE_JVM="-Xlog:gc:file=/tmp/gc.log" bench/run.sh  # more JVM options for the service server (split at spaces)
# It builds the WAR and the resource-server jar, prepares Liberty under target/liberty and
# Keycloak under target/keycloak (both from Maven Central), runs everything on loopback, and
# writes bench/results/latest.md and bench/results/chart.svg. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${BENCH_SECONDS:-10}"
keycloak="${BENCH_KEYCLOAK:-true}"

mvn -q -B -DskipTests package liberty:create
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
if [ "$keycloak" = true ] && [ ! -d target/keycloak/keycloak-26.7.3 ]; then
  mvn -q -B dependency:unpack -Dartifact=org.keycloak:keycloak-quarkus-dist:26.7.3:zip -DoutputDirectory=target/keycloak
fi

# Keycloak 26 needs Java 21 or later: KEYCLOAK_JAVA_HOME, else the newest JDK under /usr/lib/jvm.
if [ "$keycloak" = true ] && [ -z "${KEYCLOAK_JAVA_HOME:-}" ]; then
  for jdk in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then KEYCLOAK_JAVA_HOME="$jdk"; break; fi
  done
  if [ -z "${KEYCLOAK_JAVA_HOME:-}" ]; then
    echo "Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME, or BENCH_KEYCLOAK=false" >&2; exit 1
  fi
fi

exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.seconds="$seconds" -Dbench.keycloak="$keycloak" -Dbench.only="${BENCH_ONLY:-}" -Dbench.jfr="${BENCH_JFR:-false}" -Dbench.refreshOnly="${BENCH_REFRESH_ONLY:-false}" -Dbench.service.jvm="${BENCH_SERVICE_JVM:-}" -Dbench.keycloak.java="${KEYCLOAK_JAVA_HOME:-}" \
  dev.jwtlib.bench.HttpBench
