// 导入工作要点: paste a plan or choose its file, preview the parse (warnings, header, outline and,
// on a re-import, what the server says confirming would change, affected events included),
// confirm, then correct what the importer got wrong: place, year, units, and task boundaries.
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CampaignView, ImportPlan, PlanImportView, PlanView } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { useSession } from '@/hooks/useSession';
import { importPlan, previewPlanImport } from '@/services/admin';
import { listCampaigns } from '@/services/campaigns';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';
import CorrectionForm from '../../components/CorrectionForm';
import FilePicker from '../../components/FilePicker';
import PlanPreview, { Warnings } from '../../components/PlanPreview';
import TaskBoundary from '../../components/TaskBoundary';
import type { TaskDiff } from '../../planText';
import '../../admin.scss';

/** Task numbers as people read them: 3、5、6. */
const numbers = (list: number[]) => (list.length ? list.join('、') : '无');

type Changes = NonNullable<PlanImportView['changes']>;

const taskDiff = (changes: Changes): TaskDiff => ({ added: changes.tasksAdded, removed: changes.tasksRemoved, changed: changes.tasksChanged });

/** What a re-import does: before confirming (the dry run's answer) or once done. */
function DiffCard({ changes, done }: { changes: Changes; done: boolean }) {
  const diff = taskDiff(changes);
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const events = changes.eventsAffected.length;
  return (
    <View className="card admin-warnings">
      <Text className="title">{done ? '这次导入的改动' : '与已保存的计划相比'}</Text>
      {nothing ? (
        <Text className="block">任务没有变化</Text>
      ) : (
        <View>
          <Text className="block">新增任务：{numbers(diff.added)}</Text>
          <Text className="block">删除任务：{numbers(diff.removed)}</Text>
          <Text className="block">内容有改动的任务：{numbers(diff.changed)}</Text>
        </View>
      )}
      {done ? (
        <Text className="block">{events ? `涉及 ${events} 个已关联的活动，已提醒主办单位核对` : '没有活动受影响'}</Text>
      ) : (
        <View>
          <Text className="block">
            {events ? `确认后将涉及 ${events} 个活动：关联改动或删除任务的活动会提醒主办单位核对，不再包含的主题活动会取消` : '确认后没有活动受影响'}
          </Text>
          <Text className="block muted">已保存的更正（地区、年份、责任单位、任务的拆分与合并）仍会保留。</Text>
        </View>
      )}
    </View>
  );
}

export default function ImportPlanPage() {
  const { user, hasRole } = useSession();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [city, setCity] = useState('');
  const [year, setYear] = useState('');
  const [preview, setPreview] = useState<PlanImportView | null>(null);
  const [saved, setSaved] = useState<PlanImportView | null>(null);
  const [stored, setStored] = useState<PlanView | null>(null);
  const [catalogue, setCatalogue] = useState<CampaignView[]>([]);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  // A new import starts the correction form afresh; a correction keeps it (and its message).
  const [imports, setImports] = useState(0);
  const [boundaryDone, setBoundaryDone] = useState('');

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed: hasRole('admin'), refusal: '只有管理员可以导入工作要点。' });
  if (gate) return gate;

  /** The body of both calls; city and year only when the admin filled them in. */
  const body = (): ImportPlan | null => {
    if (!text.trim()) {
      setErrors({ text: '请粘贴工作要点全文，或选择文件' });
      return null;
    }
    if (year.trim() && !/^\d{4}$/.test(year.trim())) {
      setErrors({ year: '请填写四位年份，如 2024' });
      return null;
    }
    return { text, ...(city.trim() ? { city: city.trim() } : {}), ...(year.trim() ? { year: Number(year) } : {}) };
  };

  const showFailure = (caught: unknown) => {
    const error = toApiError(caught);
    if (error.code === 'PLAN_INCOMPLETE') {
      const missing = (error.details?.missing as string[] | undefined) ?? ['city', 'year'];
      setErrors(Object.fromEntries(missing.map((field) => [field, field === 'city' ? '请填写城市' : '请填写年份'])));
      setFailure(error.message);
    } else {
      setErrors(error.fieldMessages);
      setFailure(error.message);
    }
  };

  const runPreview = async () => {
    const input = body();
    if (!input) return;
    setBusy('preview');
    setErrors({});
    setFailure('');
    setSaved(null);
    try {
      const answer = await previewPlanImport(input);
      const { year: planYear } = answer.plan;
      // Without a place no campaign event is derived yet: the catalogue still knows the dates.
      setCatalogue(planYear ? await listCampaigns(planYear).catch(() => []) : []);
      setPreview(answer);
    } catch (caught) {
      setPreview(null);
      showFailure(caught);
    } finally {
      setBusy(null);
    }
  };

  const confirmImport = async () => {
    const input = body();
    if (!input) return;
    setBusy('import');
    setErrors({});
    setFailure('');
    try {
      const answer = await importPlan(input);
      setSaved(answer);
      setImports((n) => n + 1);
      setBoundaryDone('');
      setStored({ ...answer.plan, city: answer.plan.city!, year: answer.plan.year! });
      setPreview(null);
      Taro.showToast({ title: answer.created ? '已导入' : '已更新', icon: 'none' }).catch(() => undefined);
    } catch (caught) {
      showFailure(caught);
    } finally {
      setBusy(null);
    }
  };

  const changes = saved?.changes;

  return (
    <PageShell>
      <View className="card">
        <Text className="title">工作要点全文</Text>
        <Text className="block muted">粘贴全文，或选择文本文件（UTF-8 或 GBK 编码均可）。</Text>
        <Textarea
          className="textarea admin-actions admin-text"
          value={text}
          maxlength={400000}
          placeholder="在此粘贴工作要点全文"
          {...labelled('工作要点全文')}
          onInput={(e) => {
            setText(e.detail.value);
            setFileName('');
          }}
        />
        {errors.text ? <Text className="field__error">{errors.text}</Text> : null}
        <View className="row admin-actions">
          <FilePicker
            onText={(content, name) => {
              setText(content);
              setFileName(name);
              setErrors({});
            }}
            onError={(message) => setErrors({ text: message })}
          />
          {fileName ? <Text className="muted">已读取：{fileName}</Text> : null}
        </View>
        <Text className="block muted admin-actions">城市和年份选填：文件里读不出地区或年份时再填。</Text>
        <View className="admin-fields">
          <View className="field">
            <Text className="field__label">城市</Text>
            <Input className="input" value={city} maxlength={20} placeholder="如 安吉县" {...labelled('城市')} onInput={(e) => setCity(e.detail.value)} />
            {errors.city ? <Text className="field__error">{errors.city}</Text> : null}
          </View>
          <View className="field">
            <Text className="field__label">年份</Text>
            <Input
              className="input"
              type="number"
              value={year}
              maxlength={4}
              placeholder="如 2024"
              {...labelled('年份')}
              onInput={(e) => setYear(e.detail.value)}
            />
            {errors.year ? <Text className="field__error">{errors.year}</Text> : null}
          </View>
        </View>
        {failure ? <Text className="field__error admin-failure">{failure}</Text> : null}
        <View className="admin-actions">
          <Button className="btn btn--block" loading={busy === 'preview'} disabled={busy !== null} onClick={() => void runPreview()}>
            预览
          </Button>
        </View>
      </View>

      {preview ? (
        <View>
          {preview.changes ? <DiffCard changes={preview.changes} done={false} /> : null}
          <PlanPreview
            plan={preview.plan}
            warnings={preview.warnings}
            needsReview={preview.needsReview}
            derivedEvents={preview.derivedEvents}
            catalogue={catalogue}
          />
          <View className="section">
            <Button className="btn btn--block" loading={busy === 'import'} disabled={busy !== null} onClick={() => void confirmImport()}>
              确认导入
            </Button>
            {failure ? <Text className="field__error">{failure}</Text> : null}
          </View>
        </View>
      ) : null}

      {!preview && saved && stored ? (
        <View>
          <View className="card admin-done">
            <Text className="title">
              {saved.created ? '已导入' : '已更新'}：{stored.title}
            </Text>
            <Text className="block">
              {stored.city} · {stored.year}年 · 共 {stored.tasks.length} 项任务
            </Text>
          </View>
          {changes ? <DiffCard changes={changes} done /> : null}
          <Warnings warnings={saved.warnings} needsReview={saved.needsReview} />
          <CorrectionForm
            key={imports}
            plan={stored}
            onSaved={(plan) => {
              setStored(plan);
              setBoundaryDone('');
            }}
          />
          <Text className="section title">保存的结果</Text>
          <View className="section">
            <Text className="block muted">任务分错了：在任务下方拆分，或与下一项合并；以后重新导入同一文本时仍会保留。</Text>
            {boundaryDone ? <Text className="block admin-boundary__done">{boundaryDone}</Text> : null}
          </View>
          <PlanPreview
            plan={stored}
            derivedEvents={saved.derivedEvents}
            catalogue={catalogue}
            taskActions={(index) => (
              <TaskBoundary
                plan={stored}
                index={index}
                onSaved={(plan, done) => {
                  setStored(plan);
                  setBoundaryDone(done);
                }}
              />
            )}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
