evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} did not end within 3 s; its last state was 'Running' at 50%")
expect("raise lxca.taskTimeout")
true
