# Sourced by mvnw, .ci/run and wagate: makes JAVA_HOME point at a JDK 25 or newer, or stops with a clear message.
wagate_java_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
wagate_select_jdk() {
  local candidate feature
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/jdk-25 /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    feature=$(wagate_java_feature "$candidate")
    if [ -n "$feature" ] && [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "WaGate needs a JDK 25 or newer. None was found (JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*25*)." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
