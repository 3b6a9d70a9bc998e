evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("lxca:import-update must reach LXCA, but Maven is offline (-o)")
assert !new File(basedir, 'earlier-report.json').exists(): 'a run that fails early leaves no earlier report behind'
true
