evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("): HTTP 500; reply (empty body)")
true
