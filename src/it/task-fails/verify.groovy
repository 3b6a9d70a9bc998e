evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} ended 'Stopped_With_Error'")
expect("FQXHMUP4001L: The update package could not be imported.")
expect("Recovery: Download the update again, then import it.")
true
