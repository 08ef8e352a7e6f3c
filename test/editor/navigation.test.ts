/// <reference types="mocha" />
// Hovers with workspace context, references, the outline by metric and quick fixes inside a real
// VS Code, through the real `vscode` API, on the fixture workspace test/e2e/workspace. Two releases
// there state the same Jan–Sep 2021 trade of Cambodia and Viet Nam; the trade review also carries
// a wrong weekday and two words run together.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, diagnosticOf, find, hoverText, openFixture, outline, waitFor, waitForDiagnostic } from './helpers';

const CONSULTATIONS = 'releases/2021-10-political-consultations.release.md';
const REVIEW = 'releases/2022-01-trade-review.release.md';

describe('navigation and quick fixes', () => {
  it('hover on a figure lists the same metric and pair in the other releases, with links to the figures', async () => {
    const document = await openFixture(CONSULTATIONS);
    const figure = find(document, 'USD 5.33 billion');
    const text = await waitFor(
      'a hover card with the table of other releases',
      () => hoverText(document.uri, figure.inside),
      (t) => t.includes('2022-01-trade-review.release.md'),
      { describe: (t) => t || '(no hover)' },
    );
    assert.ok(text.includes('| Period | Value | Release | Line |'), text);
    assert.match(text, /\| January–September 2022 \| USD 6\.45 billion \| \[2022-11-official-visit\.release\.txt\]/);
    // The link lands on the figure in the other release: its line and column, as the editor counts them.
    const there = find(await openFixture(REVIEW), 'USD 5.33 billion').start;
    const link = `2022-01-trade-review.release.md#L${there.line + 1},${there.character + 1})`;
    assert.ok(text.includes(`| January–September 2021 | USD 5.33 billion | [2022-01-trade-review.release.md](file:`), text);
    assert.ok(text.includes(link), `${link} in\n${text}`);
  });

  it('references to "Viet Nam" reach every release that names it', async () => {
    const document = await openFixture(CONSULTATIONS);
    const at = find(document, 'Viet Nam', '# Cambodia and Viet Nam');
    const locations = await waitFor(
      'references in more than one release',
      async () => (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at.inside)) ?? [],
      (list) => new Set(list.map((l) => l.uri.toString())).size >= 3,
      { describe: (list) => list.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}`).join(', ') || 'none' },
    );
    const files = new Set(locations.map((l) => vscode.workspace.asRelativePath(l.uri)));
    for (const file of [CONSULTATIONS, REVIEW, 'releases/2022-11-official-visit.release.txt']) assert.ok(files.has(file), `${file} in ${[...files].join(', ')}`);
    for (const l of locations) {
      const other = await vscode.workspace.openTextDocument(l.uri);
      assert.match(other.getText(l.range), /Viet\s*Nam/i, `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}`);
    }
  });

  it('the outline groups the figures by metric and parties', async () => {
    const document = await openFixture(REVIEW);
    const entries = await waitFor(
      'an outline with a metric group',
      () => outline(document.uri),
      (list) => list.some((e) => e.name === 'two-way trade · Cambodia–Viet Nam'),
      { describe: (list) => list.map((e) => e.name).join(', ') || 'no symbols' },
    );
    const names = entries.map((e) => e.name);
    assert.ok(names.includes('Figures'), names.join(', '));
    assert.ok(names.includes('USD 9.54 billion'), names.join(', '));
  });

  it('a code lens over a figure another release states, and workspace symbols for the metric', async () => {
    const document = await openFixture(CONSULTATIONS);
    const figure = find(document, 'USD 5.33 billion');
    const lenses = await waitFor(
      'a code lens over "USD 5.33 billion"',
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [],
      (list) => list.some((l) => l.range.start.isEqual(figure.start)),
      { describe: (list) => list.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${l.command?.title ?? ''}`).join(', ') || 'none' },
    );
    const lens = lenses.find((l) => l.range.start.isEqual(figure.start))!;
    assert.equal(lens.command?.title, 'stated in 1 other release');
    assert.equal(lens.command?.command, 'communique.showReferences');
    const symbols =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'two-way trade')) ?? [];
    const metric = symbols.find((s) => s.name === 'two-way trade · Cambodia–Viet Nam');
    assert.ok(metric, symbols.map((s) => s.name).join(', '));
  });

  it('relative-date inlay hints appear only when communique.inlayHints.relativeDates is on', async () => {
    const document = await openFixture(CONSULTATIONS);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = async (): Promise<vscode.InlayHint[]> =>
      (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole)) ?? [];
    const label = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    // Wait until the server answers at all (a figure hover), then: off by default, so no hints.
    await waitFor('the server to answer', () => hoverText(document.uri, find(document, 'USD 5.33 billion').inside), (t) => t.length > 0);
    assert.deepEqual((await hints()).map(label), []);
    const settings = vscode.workspace.getConfiguration('communique');
    await settings.update('inlayHints.relativeDates', true, vscode.ConfigurationTarget.Global);
    try {
      // "next year" in a release dated 23 October 2021 is 2022; "last year" (of the same months) is 2020.
      const shown = await waitFor('relative-date hints', hints, (list) => list.length > 0, {
        describe: (list) => list.map(label).join(', ') || 'none',
      });
      assert.ok(shown.map(label).includes('→ 2022'), shown.map(label).join(', '));
    } finally {
      await settings.update('inlayHints.relativeDates', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('quick fixes for a wrong weekday and glued words; the applied fix changes the text', async () => {
    const document = await openFixture(REVIEW);
    try {
      const weekday = await waitForDiagnostic(document, 'weekday-mismatch');
      const glued = await waitForDiagnostic(document, 'glued-words');
      const weekdayActions = await codeActions(document.uri, weekday.range, vscode.CodeActionKind.QuickFix.value);
      const correct = weekdayActions.find((a) => a.title === 'Change “Monday” to “Tuesday” (11 January 2022)');
      assert.ok(correct, weekdayActions.map((a) => a.title).join('; '));
      assert.equal(correct.isPreferred, true);
      const split = (await codeActions(document.uri, glued.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === 'Split into “bilateral cooperation”');
      assert.ok(split?.edit, 'a split action with an edit');
      assert.ok(await vscode.workspace.applyEdit(split.edit));
      assert.ok(document.getText().includes('praised the bilateral cooperation of their border posts'), document.getText());
      assert.ok(!document.getText().includes('bilateralcooperation'));
      // The fixed text is checked again: the glued-words diagnostic goes away.
      await waitFor('the glued-words diagnostic to clear', () => diagnosticOf(document, 'glued-words'), (d) => d === undefined);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(document.getText().includes('bilateralcooperation'), 'the fixture is back as it was on disk');
  });

  it('the command "Split All Glued Words in This Release" applies the fix-all of that kind', async () => {
    const document = await openFixture(REVIEW);
    try {
      await waitForDiagnostic(document, 'glued-words');
      await vscode.commands.executeCommand('communique.splitAllGluedWords');
      await waitFor('the words to be split', () => document.getText(), (t) => t.includes('bilateral cooperation'));
      // Only glued words: the wrong weekday is still there.
      assert.ok(document.getText().includes('on Monday, 11 January 2022'), document.getText());
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(document.getText().includes('bilateralcooperation'), 'the fixture is back as it was on disk');
  });
});
