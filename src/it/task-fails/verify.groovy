evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} ended 'Stopped_With_Error'")
expect("FQXHMUP4001L: The update package could not be imported.")
expect("Recovery: Download the update again, then import it.")
true
