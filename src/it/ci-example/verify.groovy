// The README's CI step, run as written: the `run:` script of release-into-lxca.yml, in a fresh home
// folder (so it writes its own ~/.m2/settings.xml), with the secrets in the environment, on a copy of
// the README's pipeline. Only the URL of the LXCA (the simulator) and the local repository come from
// the project's .mvn/maven.config, as a CI checkout would carry its own.
evaluate(new File(basedir, '../../../src/it/common.groovy'))
def project = new File(basedir, 'project')
evaluate(new File(basedir, '../../../src/it/files.groovy'))
copyTree(new File(pluginBasedir, 'src/it/demo'), project) { !(it in ['verify.groovy', 'invoker.properties']) }
def pom = new File(project, 'pom.xml')
// its own artifactId, so that its fix id differs from the demo's, which imports into the same simulator
pom.text = pom.text.replace('@project.version@', pluginVersion).replace('<artifactId>demo</artifactId>', '<artifactId>ci-demo</artifactId>')
def url = new File(simulatorDir, 'url.txt').text.strip()
new File(project, '.mvn').mkdirs()
new File(project, '.mvn/maven.config').text = "-Dlxca.url=${url} -Dmaven.repo.local=${localRepositoryPath}\n"

def yaml = new File(basedir, 'release-into-lxca.yml').readLines()
def start = yaml.findIndexOf { it.trim() == 'run: |' }
def indent = yaml[start + 1].takeWhile { it == ' ' }.length()
def script = yaml.drop(start + 1).takeWhile { it.startsWith(' ' * indent) || it.trim().isEmpty() }
        .collect { it.length() >= indent ? it.substring(indent) : '' }.join('\n')

def home = new File(basedir, 'home')
home.mkdirs()
def process = new ProcessBuilder('bash', '-euo', 'pipefail', '-c', script).directory(project).redirectErrorStream(true)
def env = process.environment()
env.put('HOME', home.path)
env.put('PATH', new File(System.getProperty('maven.home'), 'bin').path + File.pathSeparator + env.get('PATH'))
env.put('LXCA_USER', 'admin')
env.put('LXCA_PASSWORD', 'Sim-Pa55-w0rd')
env.put('LXCA_FINGERPRINT', new File(simulatorDir, 'fingerprint.txt').text.strip())
// Java takes the home folder from the account, not from $HOME; a CI's fresh home is the account's.
env.put('MAVEN_OPTS', '-Duser.home=' + home.path)
def run = process.start()
def output = run.inputStream.text
new File(basedir, 'ci-step.log').text = output
assert run.waitFor() == 0 : 'the CI step failed:\n' + output
assert new File(home, '.m2/settings.xml').isFile()

def fixId = 'lnvgy_sw_lxca_ci-demo-1.0.0_anyos_noarch'
assert output.contains("LXCA credentials: user 'admin' from the <server> 'lxca' in settings.xml") : output
assert output =~ /Imported ${fixId}: job \d+ Complete/ : output
assert !output.contains('Sim-Pa55-w0rd')
def report = new groovy.json.JsonSlurper().parse(new File(project, 'target/lxca/import-report.json'))
assert report.outcome == 'IMPORTED'
assert new File(simulatorDir, "repository/${fixId}/${fixId}.tgz").isFile()
true
