evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("did not answer within 5 s when asked to read the state of job ${job}")
expect("Cancelled job ${job} (it was ")
// taskTimeout 3 s plus one poll's 5 s: the trickled task list alone would take over 10 min
expectBuildWithin(90)
true
