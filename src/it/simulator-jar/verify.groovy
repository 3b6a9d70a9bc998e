evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_rehearsal-1.0.0_anyos_noarch'
def jar = new File(basedir, "target/rehearsal/lxca-maven-plugin-${pluginVersion}-simulator.jar")
assert jar.isFile() : 'dependency:copy did not fetch ' + jar
def simulator = new File(basedir, 'target/rehearsal/lxca-simulator')
def port = new URI(new File(simulator, 'url.txt').text.strip()).port
expect("LXCA simulator ready at https://localhost:${port}")
expect("into LXCA at https://localhost:${port} as admin")
expect("Imported ${fixId}: job ")
// The jar's simulator, not the build's, received the set, byte for byte.
expectStored(simulator, fixId)
assert !new File(simulatorDir, "repository/${fixId}").exists()
assert new File(simulator, 'secrets.log').isFile()
expectNoSecretsOf(simulator)
true
