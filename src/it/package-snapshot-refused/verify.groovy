evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('is a snapshot') : log
assert log.contains('lxca.allowSnapshot=true')
assert !new File(basedir, 'target/lxca-update').list()?.any { it.endsWith('.tgz') }
true
