evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("LXCA's reply to the log-in of user 'login-html' holds no session: HTTP 200 with a body that is not JSON: \"Sign in Please sign in\"; nothing else was sent")
def events = new File("${simulatorDir}", 'events.log').readLines().findAll { it.endsWith(' login-html') }
assert events.size() == 1 && events[0].contains('login-html login-html') : events
true
