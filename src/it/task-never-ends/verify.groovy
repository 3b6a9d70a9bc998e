evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} did not end within 3 s; its last state was 'Running' at 50%")
expect("raise lxca.taskTimeout")
true
