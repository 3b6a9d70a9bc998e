evaluate(new File(basedir, '../../../src/it/common.groovy'))
if (mavenVersion.startsWith('3.')) {
    // Maven 3 leaves the decryption to the plugin, which names the entry and the fix
    expect("Cannot decrypt the password of <server> 'lxca-encrypted' in settings.xml")
} else {
    // Maven 4 decrypts the settings when it reads them, and stops before any plugin runs
    expect('Could not decrypt password')
    assert !log.contains("Cannot decrypt the password of <server>") : 'the plugin ran although Maven could not decrypt'
}
expect('Imported lnvgy_sw_lxca_encryptedpassword-1.0.0_anyos_noarch: job ')
assert !log.contains("[WARNING] settings.xml, <server> 'lxca-encrypted'") : 'no warning from the plugin about the password'
true
