evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("LXCA rejected the user name or password of user 'admin' (HTTP 401)")
expect("FQXHMSE0200J: The user name or password is not valid.")
expect("What to do: check the credentials from the <server> 'lxca-wrong-password' in settings.xml")
assert !log.contains('not-the-password')
true
