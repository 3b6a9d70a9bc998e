evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fingerprint = new File(simulatorDir, 'fingerprint.txt').text.trim()
expect("The TLS certificate of LXCA at localhost:")
expect("is not trusted (SHA-256 fingerprint ${fingerprint})")
expect("-Dlxca.certificateFingerprint=${fingerprint}")
// the trust check refused the certificate with Conscrypt's TLS, loaded from the plugin's own class realm
// (its jar has native code for x86-64 only; elsewhere the JDK's TLS does the same)
if (System.getProperty('os.arch') in ['amd64', 'x86_64']) {
    expect("[DEBUG] TLS: Conscrypt")
}
def headline = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert headline != null && !headline.contains('Exception') : 'the headline must not name an exception: ' + headline
true
