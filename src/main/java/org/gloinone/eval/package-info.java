/**
 * Evaluation metrics of the paper (AP over circle IoU, Dice, balanced accuracy, AUC) and the dataset layouts they read.
 */
package org.gloinone.eval;
