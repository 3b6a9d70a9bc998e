evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fingerprint = new File(simulatorDir, 'fingerprint.txt').text.trim()
expect("The TLS certificate of LXCA at localhost:")
expect("is not trusted (SHA-256 fingerprint ${fingerprint})")
expect("-Dlxca.certificateFingerprint=${fingerprint}")
expect("it is self-signed (")
// the trust check refused the certificate with Conscrypt's TLS, loaded from the plugin's own class realm
// (its jar has native code for x86-64 only, and from Java 24 on the plugin uses it only where the JVM allows
// native access; elsewhere the JDK's TLS does the same)
def javaFeature = (log =~ /Java version: (\d+)/)[0][1] as int
if (System.getProperty('os.arch') in ['amd64', 'x86_64'] && javaFeature < 24) {
    expect("[DEBUG] TLS: Conscrypt")
} else if (javaFeature >= 24) {
    expect("[DEBUG] TLS: the JDK's (on Java ${javaFeature} ")
}
def headline = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert headline != null && !headline.contains('Exception') : 'the headline must not name an exception: ' + headline
true
