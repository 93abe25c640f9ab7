/**
 * How the shipped generated-name model is made and measured: training from the CC0 MISP warninglists of
 * popular names ({@link io.stagehunt.detect.dga.training.DgaModelTrainer}), and evaluation against a labelled
 * set of generated and benign names with malware families split between folds
 * ({@link io.stagehunt.detect.dga.training.DgaEvaluation}). Nothing here runs during an analysis.
 */
package io.stagehunt.detect.dga.training;
