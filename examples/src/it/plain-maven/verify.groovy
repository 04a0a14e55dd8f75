// What a newcomer's first `mvn verify` must show, read from the files the build left, not from our own reactor.
import groovy.json.JsonSlurper

def fail = { String why -> throw new AssertionError("plain-maven consumer: " + why) }

def json = new File(basedir, 'target/migratest/com.example.MyMigrationsTest.json')
if (!json.isFile()) fail("no JSON report at " + json)
def report = new JsonSlurper().parse(json)
if (report.postgres.provider != 'embedded') fail("provider " + report.postgres.provider + ", expected embedded")
if (!(report.postgres.version ==~ /17\.\d+/)) fail("PostgreSQL " + report.postgres.version + ", README promises 17")
def outcomes = report.migrations.collect { it.version + ' ' + it.name + ' ' + it.outcome }
if (outcomes != ['1 create_customers PASSED', '2 add_customers_phone PASSED', '3 index_customers_name PASSED']) {
    fail("migrations " + outcomes)
}
// rows = 1000: from the second migration on, customers holds data when UP runs
if (report.migrations[1..2].any { it.rows?.get('public.customers') != 1000 }) fail("rows " + report.migrations*.rows)

// Surefire's XML names each test case after its migration, with README's reporter configuration
def xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/surefire-reports/TEST-com.example.MyMigrationsTest.xml'))
def cases = xml.getElementsByTagName('testcase')
def names = (0..<cases.length).collect { cases.item(it).getAttribute('name') }
// (Surefire puts the method's display name first: "rehearse(MigrationCycle) 2 add_customers_phone")
if (names.collect { it.substring(it.indexOf(') ') + 2) } != ['1 create_customers', '2 add_customers_phone',
        '3 index_customers_name']) {
    fail("JUnit XML test names " + names)
}

// quiet by default: migratest's own lines, none of zonky's initdb output, SLF4J's notices or JUL's two-line records
def log = new File(basedir, 'build.log').getText('UTF-8')
if (!log.contains('[migratest] using embedded PostgreSQL 17.')) fail("no provider line in build.log")
['SLF4J', 'initdb', 'The files belonging to this database system', 'database system is ready', 'INFO: migratest',
 'dev.migratest.postgres.ProviderSelector'].each { noise ->
    if (log.contains(noise)) fail("build.log shows '" + noise + "'")
}
return true
