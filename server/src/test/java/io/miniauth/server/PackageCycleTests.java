package io.miniauth.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The server's feature packages depend on each other in one direction only: no package
 * reaches, through any chain of others, back to itself. A cycle makes two features one in
 * all but name, so this fails the build on the first one.
 */
@AnalyzeClasses(packages = "io.miniauth.server", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCycleTests {

	@ArchTest
	static final ArchRule featurePackagesWhenDependingOnEachOtherThenFormNoCycle = slices()
		.matching("io.miniauth.server.(*)..")
		.should()
		.beFreeOfCycles();

}
