evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("did not answer within 5 s when asked to create the import job")
assert !log.contains("Created import job") : 'no job id was learnt'
expectBuildWithin(90)
true
