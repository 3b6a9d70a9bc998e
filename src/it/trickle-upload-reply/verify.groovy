evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("did not answer within 5 s when asked to upload the update files")
expect("LXCA received the files of job ${job}")
expect("Imported lnvgy_sw_lxca_trickleuploadreply-1.0.0_anyos_noarch: job ${job} Complete")
expectBuildWithin(90)
true
