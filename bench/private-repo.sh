# Sourced by the benchmarks that run the plugin in real mvn builds (fleet.sh, overhead.sh): builds the plugin jar
# (unless SKIP_BUILD is set), installs it into a private local repository $OUT/m2 that takes everything else from
# ~/.m2 (as the integration tests do, so ~/.m2 is left alone), and resolves the test class path (the simulator's).
# Needs ROOT (the checkout) and OUT (the benchmark's folder); sets REPO, VERSION, M (mvn with the private
# settings: a <server> lxca for the simulator's admin) and CP.
REPO=$OUT/m2
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
mkdir -p "$OUT"
cat > "$OUT/settings.xml" <<XML
<settings>
  <localRepository>$REPO</localRepository>
  <mirrors><mirror><id>outer</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors>
  <servers><server><id>lxca</id><username>admin</username><password>Sim-Pa55-w0rd</password></server></servers>
</settings>
XML
M=(mvn -B -s "$OUT/settings.xml")

echo "== building the plugin and installing it into $REPO"
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o package -DskipTests -DskipITs -Dinvoker.skip
"${M[@]}" -q org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
  -Dfile="target/lxca-maven-plugin-$VERSION.jar" -DpomFile=pom.xml
mvn -B -q -o exec:exec -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test \
  -Dexec.outputFile="$OUT/classpath.txt"
CP=$(tr -d '\n' < "$OUT/classpath.txt")
