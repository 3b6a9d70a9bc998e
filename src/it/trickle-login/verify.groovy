evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("did not answer within 5 s when asked to log in (2 attempts)")
// two attempts of 5 s and a backoff of at most 1.5 s; the trickled reply alone would take over 10 min
expectBuildWithin(90)
true
