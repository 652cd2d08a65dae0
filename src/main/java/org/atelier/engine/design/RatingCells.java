package org.atelier.engine.design;

/**
 * The combinations of levels that the rows take over all categorical blocks together (a rating cell: Area ×
 * VehBrand × VehGas × Region is a few thousand cells for 678,013 rows). A row's categorical part of Xβ is then one
 * look-up of its cell's sum instead of one per block, and X'v and X'WX sum over the rows once per cell before
 * spreading the few thousand cell sums over the blocks' levels. Only for unscaled blocks (indicator columns), and
 * only when the cells are few enough to pay back: see {@link #of}.
 */
final class RatingCells {
    /** Cells are worth it only while spreading a cell's sums costs less than summing its rows block by block. */
    private static final int MAX_CELLS = 4_096;
    /** The mixed-radix code of a combination indexes an int array of at most this size while the cells are found. */
    private static final long MAX_COMBINATIONS = 1 << 22;

    private final int[] cellOfRow;
    /** {@code code[k][cell]}: block k's level code (-1 for none) in that cell. */
    private final int[][] code;
    private final int cells;

    private RatingCells(int[] cellOfRow, int[][] code, int cells) {
        this.cellOfRow = cellOfRow;
        this.code = code;
        this.cells = cells;
    }

    /**
     * The cells of these blocks' rows, or null when some block is scaled, there are fewer than two blocks, or there
     * are more than {@link #MAX_CELLS} cells, or more than a quarter of the rows (then the cells would save nothing).
     */
    static RatingCells of(Block.Categorical[] blocks, int rows) {
        if (blocks.length < 2) {
            return null;
        }
        long combinations = 1;
        for (Block.Categorical block : blocks) {
            if (block.scale() != null) {
                return null;
            }
            combinations *= block.width() + 1;
            if (combinations > MAX_COMBINATIONS) {
                return null;
            }
        }
        int limit = Math.min(MAX_CELLS, rows / 4);
        int[] cellOfCombination = new int[(int) combinations];
        java.util.Arrays.fill(cellOfCombination, -1);
        int[] cellOfRow = new int[rows];
        int[] combinationOfCell = new int[limit + 1];
        int cells = 0;
        for (int i = 0; i < rows; i++) {
            int combination = 0;
            for (Block.Categorical block : blocks) {
                combination = combination * (block.width() + 1) + block.codes()[i] + 1;
            }
            int cell = cellOfCombination[combination];
            if (cell < 0) {
                if (cells == limit) {
                    return null;
                }
                cell = cells++;
                cellOfCombination[combination] = cell;
                combinationOfCell[cell] = combination;
            }
            cellOfRow[i] = cell;
        }
        int[][] code = new int[blocks.length][cells];
        for (int cell = 0; cell < cells; cell++) {
            int combination = combinationOfCell[cell];
            for (int k = blocks.length - 1; k >= 0; k--) {
                int radix = blocks[k].width() + 1;
                code[k][cell] = combination % radix - 1;
                combination /= radix;
            }
        }
        return new RatingCells(cellOfRow, code, cells);
    }

    /** The cells of rows {@code order[0], order[1], …} of the blocks these cells were found for (null: too many). */
    RatingCells rows(int[] order) {
        if (cells > order.length / 4) {
            return null;
        }
        int[] picked = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            picked[i] = cellOfRow[order[i]];
        }
        return new RatingCells(picked, code, cells);
    }

    int cells() {
        return cells;
    }

    int[] cellOfRow() {
        return cellOfRow;
    }

    /** Block k's level code (-1 for none) in every cell. */
    int[] codes(int k) {
        return code[k];
    }
}
