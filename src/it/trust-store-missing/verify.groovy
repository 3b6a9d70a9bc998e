evaluate(new File(basedir, '../../../src/it/common.groovy'))
def path = new File(basedir, 'lxca-truststore.p12').canonicalPath
expect("lxca.trustStore ${path} does not exist")
expect("What to do: check the path")
assert !log.contains('File does not exist') : "the JDK's raw message is not the answer"
assert !log.contains("Importing lnvgy_sw_lxca_truststoremissing") : 'checked before anything else was done'
true
