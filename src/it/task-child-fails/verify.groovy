evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} ended 'Complete'; its step 'Unpack payload' ended 'Stopped_With_Error'")
expect("FQXHMUP4002L: The payload could not be unpacked.")
true
