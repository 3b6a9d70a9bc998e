evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("): HTTP 500; reply (empty body)")
true
