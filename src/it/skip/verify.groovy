evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("Skipping the LXCA import: lxca.skip is true")
assert !log.contains('Importing ')
true
