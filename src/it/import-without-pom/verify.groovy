evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def fixId = 'lnvgy_sw_lxca_withoutpom-1.0.0_anyos_noarch'
assert log.contains("Imported ${fixId}: job ")
assert new File(simulatorDir, "repository/${fixId}/${fixId}.tgz").bytes == new File(basedir, "update/${fixId}.tgz").bytes
true
