package io.miniauth.emulator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The emulator's feature packages depend on each other in one direction only: no package
 * reaches, through any chain of others, back to itself.
 */
@AnalyzeClasses(packages = "io.miniauth.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCycleTests {

	@ArchTest
	static final ArchRule featurePackagesWhenDependingOnEachOtherThenFormNoCycle = slices()
		.matching("io.miniauth.emulator.(*)..")
		.should()
		.beFreeOfCycles();

}
