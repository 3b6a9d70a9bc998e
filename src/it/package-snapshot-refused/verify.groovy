evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains('is a snapshot') : log
assert log.contains('lxca.allowSnapshot=true')
assert !new File(basedir, 'target/lxca-update').list()?.any { it.endsWith('.tgz') }
true
