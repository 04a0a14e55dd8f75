// A Spring Boot 4.0 project: Boot manages Testcontainers (2.0) and JUnit (6); migratest must run on them.
import groovy.json.JsonSlurper

def fail = { String why -> throw new AssertionError("spring-boot-4.0 consumer: " + why) }

def dependencies = new File(basedir, 'target/dependencies.txt').getText('UTF-8')
def testcontainers = dependencies.readLines().findAll { it.contains('org.testcontainers:') }*.trim()
if (testcontainers.isEmpty()) fail("no Testcontainers on the test class path")
if (testcontainers.any { !(it ==~ /org\.testcontainers:[a-z-]+:jar:2\.0\.\d+.*/) }) {
    fail("Testcontainers versions mixed, or not Boot's 2.0: " + testcontainers)
}
def jupiter = dependencies.readLines().find { it.contains('org.junit.jupiter:junit-jupiter-api:') }?.trim()
if (!(jupiter ==~ /org\.junit\.jupiter:junit-jupiter-api:jar:6\..*/)) fail("JUnit Jupiter is not Boot 4's 6.x: " + jupiter)

def engine = System.getenv('DOCKER_HOST') != null || new File('/var/run/docker.sock').exists()
def required = 'true'.equalsIgnoreCase(System.getenv('MIGRATEST_REQUIRE_CONTAINERS'))
def report = new JsonSlurper().parse(new File(basedir, 'target/migratest/com.example.shop.ShopMigrationsTest.json'))
if (!(report.postgres.version ==~ /17\.\d+/)) fail("PostgreSQL " + report.postgres.version)
if (required && report.postgres.provider != 'container') {
    fail("a container engine is required here, but AUTO rehearsed on " + report.postgres.provider)
}
if (!engine && report.postgres.provider != 'embedded') fail("provider " + report.postgres.provider + " without an engine")
def verdicts = report.migrations.collect { it.version + ' ' + it.name + ' ' + it.verdict }
if (verdicts != ['1 create_orders PASSED', '2 add_orders_paid_at PASSED', '3 index_orders_status PASSED']) {
    fail("migrations " + verdicts)
}
// tableRows = "orders=5000", README's unqualified form
if (report.migrations[1..2].any { it.rows?.get('public.orders') != 5000 }) fail("rows " + report.migrations*.rows)

// the container the application's tests share, handed over with @RehearseOn
def handed = new File(basedir, 'target/migratest/com.example.shop.ShopMigrationsOnTheAppsContainerTest.json')
if (required && !handed.isFile()) fail("containers are required here, but the handed-container class left no report")
if (handed.isFile()) {
    def handedReport = new JsonSlurper().parse(handed)
    if (handedReport.postgres.provider != 'external') fail("handed container reported as " + handedReport.postgres.provider)
    if (!(handedReport.postgres.version ==~ /17\.\d+/)) fail("handed container runs PostgreSQL " + handedReport.postgres.version)
    def handedVerdicts = handedReport.migrations.collect { it.name + ' ' + it.verdict }
    if (handedVerdicts != ['create_orders PASSED', 'add_orders_paid_at PASSED', 'index_orders_status PASSED']) {
        fail("handed container: " + handedVerdicts)
    }
    def springTest = new File(basedir, 'target/surefire-reports/TEST-com.example.shop.OrdersTest.xml').getText('UTF-8')
    if (!springTest.contains('tests="1"') || !springTest.contains('failures="0"') || springTest.contains('<skipped')) {
        fail("the application's Spring test did not pass on the shared container")
    }
}
return true
