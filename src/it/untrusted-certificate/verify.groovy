evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fingerprint = new File(simulatorDir, 'fingerprint.txt').text.trim()
expect("The TLS certificate of LXCA at localhost:")
expect("is not trusted (SHA-256 fingerprint ${fingerprint})")
expect("-Dlxca.certificateFingerprint=${fingerprint}")
def headline = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert headline != null && !headline.contains('Exception') : 'the headline must not name an exception: ' + headline
true
