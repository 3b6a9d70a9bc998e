evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_casignedcertificate-1.0.0_anyos_noarch'
// Each LXCA (TLS 1.3 only, TLS 1.2 only) presented a certificate that only the CA in the trust store vouches for.
['ca-tls13', 'ca-tls12'].each { folder ->
    def simulator = new File(simulatorDir, folder)
    ['chg', 'tgz', 'txt', 'xml'].each { ext ->
        def stored = new File(simulator, "repository/${fixId}/${fixId}.${ext}")
        assert stored.isFile() : 'not imported into ' + folder + ': ' + stored
        assert stored.bytes == new File(basedir, "update/${fixId}.${ext}").bytes : 'changed: ' + stored
    }
    expectNoSecretsOf(simulator)
}
assert (log =~ /Imported lnvgy_sw_lxca_casignedcertificate-1\.0\.0_anyos_noarch: job \d+ Complete/).size() == 2
assert !log.contains('not trusted')
// the TLS engine the plugin picks for this JVM: Conscrypt (whose TLS 1.3 trust check was the one that failed) on
// x86-64 before Java 24, the JDK's from Java 24 on, unless native access is enabled (see TlsEngine)
def javaFeature = (log =~ /Java version: (\d+)/)[0][1] as int
if (System.getProperty('os.arch') in ['amd64', 'x86_64'] && javaFeature < 24) {
    assert (log =~ /\[DEBUG\] \[localhost:\d+\] TLS: Conscrypt/).size() == 2
} else if (javaFeature >= 24 && !log.contains('--enable-native-access=ALL-UNNAMED')) {
    assert (log =~ /\[DEBUG\] \[localhost:\d+\] TLS: the JDK's \(on Java ${javaFeature} /).size() == 2
}
true
