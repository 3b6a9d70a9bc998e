evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("): HTTP 409")
expect("FQXHMUP2502L: The repository operation failed.")
expect("Explanation: The operation failed for an unknown reason. The network connection might have gone down")
expect("Recovery: Check the network connection. Retry the operation.")
true
