evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_agent-2.0.0_anyos_noarch'
expect("holds no update set: packaging one first, as lxca:package-update would")
expect("Imported ${fixId}: job ")
// The packaged set's payload is the build's tar.gz, and the simulator got all four files byte for byte.
assert new File(basedir, "target/lxca-update/${fixId}.tgz").bytes == new File(basedir, 'target/agent-2.0.0.tar.gz').bytes
expectStored(simulatorDir, fixId)
true
