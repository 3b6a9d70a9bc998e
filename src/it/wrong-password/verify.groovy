evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("LXCA rejected the user name or password of user 'admin' (HTTP 401)")
expect("FQXHMSE0200J: The user name or password is not valid.")
expect("What to do: check the credentials from the <server> 'lxca-wrong-password' in settings.xml")
assert !log.contains('not-the-password')
true
