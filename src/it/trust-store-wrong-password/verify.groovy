evaluate(new File(basedir, '../../../src/it/common.groovy'))
def path = new File(basedir, 'lxca-truststore.p12').canonicalPath
expect("The trust store password is wrong for lxca.trustStore ${path} (it was read from the environment variable LXCA_TRUSTSTORE_PASSWORD)")
expect("What to do: give the password the trust store was made with")
assert !log.contains('trustAnchors') && !log.contains("LXCA's HTTPS port") : 'not the TLS error with the wrong advice'
assert !log.contains("Importing lnvgy_sw_lxca_truststorewrongpassword") : 'checked before anything else was done'
true
