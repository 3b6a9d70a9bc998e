evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains("'../evil' is not a safe fix id") : log
assert log.contains('(lxca.fixId)')
def out = new File(basedir, 'target/lxca-update')
assert !out.exists() || out.list().length == 0
assert !new File(basedir, 'target/evil.tgz').exists()
true
