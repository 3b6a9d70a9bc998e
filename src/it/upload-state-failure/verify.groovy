evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("LXCA refused to upload the update files (job ")
expect("HTTP 200 with state 'failure'")
expect("The files could not be saved to the repository.")
true
