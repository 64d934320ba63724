// 编辑活动: create a draft or change one, then submit it for review. A saved
// event also takes volunteer shifts. The server validates; its field messages show inline.
// A new event may repeat weekly or monthly (a series: one draft per date, each with its seats);
// the venue comes from the organization's saved venues or is entered as a new one.
// A published event's change may wait for a reviewer (修改待审核): the page shows it
// beside the approved version, and the form continues from the proposed values.
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { EventRevisionView, EventSeriesView, EventView, OrganizationVenueView, VenueConflictView, VenueView } from '@kepu/shared';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { listCampaigns } from '@/services/campaigns';
import { createEvent, createEventSeries, getEditableEvent, submitEvent, submitSeries, updateEvent } from '@/services/organizer';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { asButton, labelled } from '@/utils/a11y';
import { audienceChoices, themeChoices } from '@/utils/filters';
import { readParam } from '@/utils/routes';
import { keys, readStored } from '@/utils/storage';
import { addDays, cstDate, cstParts, formatDateTime } from '@/utils/time';
import ConflictNote from '../../components/ConflictNote';
import CoverPicker, { type Cover } from '../../components/CoverPicker';
import DateTimeField from '../../components/DateTimeField';
import RecurrenceFields, { noRecurrence, plannedOccurrences, type RecurrenceDraft } from '../../components/RecurrenceFields';
import RevisionChanges from '../../components/RevisionChanges';
import SavedVenues from '../../components/SavedVenues';
import SeriesResult from '../../components/SeriesResult';
import ShiftsEditor from '../../components/ShiftsEditor';
import { useEventsNeedingShifts } from '../../components/VolunteerNeedHint';
import TaskPicker, { type TaskRef } from '../../components/TaskPicker';
import VenuePicker from '../../components/VenuePicker';
import '../../organizer.scss';

interface Draft {
  title: string;
  description: string;
  city: string;
  district: string;
  venue: VenueView;
  startsAt: string;
  endsAt: string;
  capacity: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  audiences: string[];
  themes: string[];
  campaign: string | null;
  planTasks: TaskRef[];
  cover: Cover;
}

/** What 发布活动 in 我的任务 opens the form with: the task to carry out, and the organization's city. */
interface TaskLink {
  planId?: string;
  task?: string;
  /** The task's position in the plan (its number may repeat when numbering restarts per section). */
  ordinal?: string;
  city?: string;
}

const positiveOrUndefined = (raw: string | undefined) => (Number.isInteger(Number(raw)) && Number(raw) > 0 ? Number(raw) : undefined);

function emptyDraft(link: TaskLink = {}): Draft {
  const day = addDays(cstDate(new Date()), 7);
  const task = Number(link.task);
  return {
    title: '',
    description: '',
    city: link.city ? readParam(link.city) : readStored<string>(keys.city, ''),
    district: '',
    venue: { name: '', address: '', lat: null, lng: null },
    startsAt: `${day}T09:00:00+08:00`,
    endsAt: `${day}T11:00:00+08:00`,
    capacity: '50',
    signupOpensAt: null,
    signupClosesAt: null,
    audiences: [],
    themes: [],
    campaign: null,
    planTasks:
      link.planId && Number.isInteger(task) && task > 0 ? [{ planId: readParam(link.planId), number: task, ordinal: positiveOrUndefined(link.ordinal) }] : [],
    cover: { id: null, url: null },
  };
}

function draftOf(event: EventView): Draft {
  return {
    title: event.title,
    description: event.description,
    city: event.city,
    district: event.district,
    venue: event.venue,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: String(event.capacity),
    signupOpensAt: event.signupOpensAt,
    signupClosesAt: event.signupClosesAt,
    audiences: event.audiences,
    themes: event.themes,
    campaign: event.campaign?.code ?? null,
    planTasks: event.planTasks.map((t) => ({ planId: t.planId, number: t.number, ordinal: t.ordinal })),
    cover: { id: event.coverImageId, url: event.coverImageId ? event.coverUrl : null },
  };
}

/** The event as its organizer wants it: the approved version with the change awaiting review. */
function proposedOf(event: EventView): EventView {
  return event.revision?.status === 'pending' ? { ...event, ...event.revision.changes } : event;
}

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export default function EditEventPage() {
  const { params } = useRouter();
  const { user } = useSession();
  // The plan task this event carries out calls for 科技志愿服务 and it has no shift yet.
  const needingShifts = useEventsNeedingShifts(Boolean(user));
  const [eventId, setEventId] = useState(params.id ?? '');
  const existing = useRequest(params.id ? () => getEditableEvent(params.id!) : null, [params.id]);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(params.id ? {} : params));
  const [status, setStatus] = useState<string>('draft');
  /** The version the public sees, and the change to it awaiting review (or last rejected). */
  const [saved, setSaved] = useState<EventView | null>(null);
  const revision: EventRevisionView | null = saved?.revision ?? null;
  /** Other bookings of the venue at that time, as the last save answered (before one, the note asks the server). */
  const [conflicts, setConflicts] = useState<VenueConflictView[] | undefined>(undefined);
  /** 重复 of a new event; a saved event is one date (its series' other dates are events of their own). */
  const [recurrence, setRecurrence] = useState<RecurrenceDraft>(noRecurrence);
  /** The series a save created: the page then shows its dates instead of the form. */
  const [series, setSeries] = useState<EventSeriesView | null>(null);
  const { busy, errors, submit } = useFormSubmit();
  const year = cstParts(draft.startsAt)?.year ?? new Date().getFullYear();
  const campaigns = useRequest(() => listCampaigns(year), [year]);

  useEffect(() => {
    if (existing.data) {
      setDraft(draftOf(proposedOf(existing.data)));
      setStatus(existing.data.status);
      setSaved(existing.data);
    }
  }, [existing.data]);

  if (!user)
    return (
      <PageShell>
        <LoginPrompt />
      </PageShell>
    );
  const state = renderState({ loading: existing.loading, error: existing.error, onRetry: () => void existing.reload() });
  if (state) return <PageShell>{state}</PageShell>;

  const patch = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
  const pickVenue = (venue: OrganizationVenueView) =>
    patch({ venue: { name: venue.name, address: venue.address, lat: venue.lat, lng: venue.lng }, district: venue.district || draft.district });
  const repeats = !eventId && recurrence.repeat !== 'none';
  const campaignList = campaigns.data ?? [];
  const campaignNames = ['不属于品牌活动', ...campaignList.map((c) => c.name)];
  const campaignIndex = draft.campaign ? campaignList.findIndex((c) => c.code === draft.campaign) + 1 : 0;
  const editable = status === 'draft' || status === 'rejected' || !eventId;
  // A new event acts for the organization 我的任务 named (when I am its member), else for my first.
  const linkedOrganizer = params.organizerId ? user.organizations.find((o) => o.id === readParam(params.organizerId)) : undefined;
  const organizerId = existing.data?.organizer.id ?? linkedOrganizer?.id ?? user.organizations[0]?.id ?? null;
  // An event takes place in its organization's city (the server refuses another): a saved event keeps its own,
  // a new one takes the organization's, not the city being browsed.
  const city = saved?.city ?? (user.organizations.find((o) => o.id === organizerId)?.city || draft.city);
  /** The task 发布活动 in 我的任务 chose, for a new event. */
  const linkedTask = !eventId && params.task ? Number(params.task) : null;
  const suggestionDraft = organizerId
    ? { title: draft.title, description: draft.description, audiences: draft.audiences, themes: draft.themes, campaign: draft.campaign, organizerId }
    : null;

  const payload = () => ({
    title: draft.title.trim(),
    description: draft.description.trim(),
    city: city.trim(),
    district: draft.district.trim(),
    venue: { ...draft.venue, name: draft.venue.name.trim(), address: draft.venue.address.trim() },
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    capacity: Number(draft.capacity) || 0,
    signupOpensAt: draft.signupOpensAt,
    signupClosesAt: draft.signupClosesAt,
    audiences: draft.audiences,
    themes: draft.themes,
    campaign: draft.campaign,
    planTasks: draft.planTasks,
    coverImageId: draft.cover.id,
  });

  /** Creates the series (every date a draft with its own seats); with `andSubmit` submits them all. Shows the result. */
  const saveSeries = async (andSubmit: boolean) => {
    const occurrences = plannedOccurrences(recurrence, draft.startsAt, draft.endsAt, draft.capacity);
    const created = await submit(() =>
      createEventSeries({
        ...payload(),
        kind: 'activity',
        organizerId: organizerId ?? '',
        recurrence: { frequency: recurrence.repeat === 'monthly' ? 'monthly' : 'weekly', interval: 1, count: Number(recurrence.count) || 0 },
        capacities: occurrences.length > 0 ? occurrences.map((o) => Number(o.seats) || 0) : undefined,
      }),
    );
    if (!created) return;
    let result = created;
    if (andSubmit) {
      try {
        result = await submitSeries(created.seriesId);
      } catch {
        // the request wrapper showed the server's message; the drafts stay
      }
    }
    setSeries(result);
    const submitted = result.items.some((e) => e.status !== 'draft');
    Taro.showToast({ title: submitted ? `${result.items.length}场已提交` : `已保存${result.items.length}场草稿`, icon: 'none' });
    Taro.nextTick(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined));
  };

  /** Saves and returns the event as the server answered, or null when it refused (messages shown inline). */
  const save = async (): Promise<EventView | null> => {
    const answer = await submit(() =>
      eventId ? updateEvent(eventId, payload()) : createEvent({ ...payload(), kind: 'activity', organizerId: organizerId ?? '' }),
    );
    if (!answer) return null;
    setEventId(answer.id);
    setStatus(answer.status);
    setSaved(answer);
    setConflicts(answer.conflicts ?? []);
    return answer;
  };

  const saveDraft = async () => {
    if (repeats) return saveSeries(false);
    const answer = await save();
    if (!answer) return;
    const awaitingReview = answer.revision?.status === 'pending';
    Taro.showToast({ title: awaitingReview ? '修改已提交审核' : answer.status === 'draft' ? '已保存草稿' : '已保存', icon: 'none' });
    // The notice at the top says what now waits for the reviewer; the button is at the bottom.
    if (awaitingReview) Taro.nextTick(() => void Taro.pageScrollTo({ selector: '.org-notice', duration: 300 }).catch(() => undefined));
  };

  const saveAndSubmit = async () => {
    if (repeats) return saveSeries(true);
    const answer = await save();
    if (!answer) return;
    const id = answer.id;
    try {
      const submitted = await submitEvent(id);
      Taro.showToast({ title: submitted.status === 'published' ? '已发布' : '已提交审核', icon: 'none' });
      setStatus(submitted.status);
      setConflicts(submitted.conflicts ?? []);
      // When another organization holds the venue then, the page stays so the organizer reads the warning;
      // otherwise (free, or only this organization's own bookings) back to the list.
      const others = (submitted.conflicts ?? []).filter((c) => c.organization.id !== submitted.organizer.id);
      if (others.length === 0) setTimeout(() => void Taro.navigateBack(), 800);
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const text = (label: string, key: 'title' | 'district', max: number, placeholder = '') => (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input
        className="input"
        value={draft[key]}
        maxlength={max}
        placeholder={placeholder}
        {...labelled(label)}
        onInput={(e) => patch({ [key]: e.detail.value })}
      />
      {errors[key] ? <Text className="field__error">{errors[key]}</Text> : null}
    </View>
  );

  if (series)
    return (
      <PageShell>
        <SeriesResult series={series} onChange={setSeries} />
      </PageShell>
    );

  return (
    <PageShell>
      {!editable ? (
        <Text className="section block muted">
          {status === 'published'
            ? '活动已发布：修改名称、介绍、时间、地点或名额需审核员审核（可信单位除外），通过前公众看到的仍是原内容；时间或地点的变更生效后，已报名和已申请岗位的人会收到通知。报名时间的修改立即生效。'
            : '活动已提交审核，修改后审核员看到并审核的是新内容。'}
        </Text>
      ) : null}
      {saved && revision ? (
        <View className="org-notice">
          <Text className="title">{revision.status === 'pending' ? '修改待审核' : '修改未通过'}</Text>
          <Text className="block">
            {revision.status === 'pending'
              ? `${formatDateTime(revision.proposedAt)}提交。审核通过前，公众看到的仍是原内容；再次保存会更新这次修改。`
              : `驳回原因：${revision.reason ?? ''}。公众看到的仍是原内容，可以修改后再次提交。`}
          </Text>
          <RevisionChanges event={saved} changes={revision.changes} />
        </View>
      ) : null}
      {linkedTask && draft.planTasks.some((t) => t.number === linkedTask) ? (
        <Text className="section block task-picker__chosen">从“我的任务”发布：依据任务已选第{linkedTask}项，见下方“依据任务”。</Text>
      ) : null}
      <View className="card">
        {text('活动名称', 'title', 80, '如：全国科普日·社区应急科普展')}
        <View className="field">
          <Text className="field__label">活动介绍</Text>
          <Textarea
            className="textarea"
            value={draft.description}
            maxlength={5000}
            {...labelled('活动介绍')}
            onInput={(e) => patch({ description: e.detail.value })}
          />
          {errors.description ? <Text className="field__error">{errors.description}</Text> : null}
        </View>
        <CoverPicker value={draft.cover} onChange={(cover) => patch({ cover })} error={errors.coverImageId} />
        <View className="field">
          <Text className="field__label">城市</Text>
          <Input className="input" value={city} disabled {...labelled('城市')} />
          <Text className="block muted">活动在主办单位所在城市举办</Text>
          {errors.city ? <Text className="field__error">{errors.city}</Text> : null}
        </View>
      </View>

      <View className="card">
        <SavedVenues organizerId={organizerId} current={draft.venue} onPick={pickVenue} />
        <View className="field">
          <Text className="field__label">场馆名称</Text>
          <Input
            className="input"
            value={draft.venue.name}
            maxlength={60}
            {...labelled('场馆名称')}
            onInput={(e) => patch({ venue: { ...draft.venue, name: e.detail.value } })}
          />
          {errors['venue.name'] ? <Text className="field__error">{errors['venue.name']}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">详细地址</Text>
          <Input
            className="input"
            value={draft.venue.address}
            maxlength={120}
            {...labelled('详细地址')}
            onInput={(e) => patch({ venue: { ...draft.venue, address: e.detail.value } })}
          />
          {errors['venue.address'] ? <Text className="field__error">{errors['venue.address']}</Text> : null}
        </View>
        {text('区县', 'district', 30, '如：路北区')}
        <VenuePicker venue={draft.venue} onChange={(venue) => patch({ venue })} />
      </View>

      {eventId ? <ConflictNote eventId={eventId} conflicts={conflicts} /> : null}
      <View className="card">
        <DateTimeField label="开始时间" value={draft.startsAt} onChange={(startsAt) => patch({ startsAt })} error={errors.startsAt} />
        <DateTimeField label="结束时间" value={draft.endsAt} onChange={(endsAt) => patch({ endsAt })} error={errors.endsAt} />
        <View className="field">
          <Text className="field__label">名额</Text>
          <Input
            className="input"
            type="number"
            value={draft.capacity}
            maxlength={6}
            {...labelled('名额')}
            onInput={(e) => patch({ capacity: e.detail.value })}
          />
          {errors.capacity ? <Text className="field__error">{errors.capacity}</Text> : null}
        </View>
        {eventId ? null : (
          <RecurrenceFields
            value={recurrence}
            onChange={setRecurrence}
            startsAt={draft.startsAt}
            endsAt={draft.endsAt}
            capacity={draft.capacity}
            errors={errors}
          />
        )}
        <DateTimeField
          label="开始报名"
          optional
          value={draft.signupOpensAt}
          onChange={(signupOpensAt) => patch({ signupOpensAt })}
          error={errors.signupOpensAt}
        />
        <DateTimeField
          label="截止报名"
          optional
          value={draft.signupClosesAt}
          onChange={(signupClosesAt) => patch({ signupClosesAt })}
          error={errors.signupClosesAt}
        />
      </View>

      <View className="card">
        <View className="field">
          <Text className="field__label">品牌活动</Text>
          <Picker
            mode="selector"
            range={campaignNames}
            value={Math.max(0, campaignIndex)}
            onChange={(e) => patch({ campaign: campaignList[Number(e.detail.value) - 1]?.code ?? null })}
          >
            <View className="picker-box">{campaignNames[Math.max(0, campaignIndex)]} ▾</View>
          </Picker>
        </View>
        <View className="field">
          <Text className="field__label">适合人群</Text>
          <View>
            {audienceChoices.map((a) => (
              <View
                key={a}
                className={`chip ${draft.audiences.includes(a) ? 'chip--on' : ''}`}
                {...asButton(() => patch({ audiences: toggle(draft.audiences, a) }), { pressed: draft.audiences.includes(a) })}
              >
                {a}
              </View>
            ))}
          </View>
        </View>
        <View className="field">
          <Text className="field__label">主题</Text>
          <View>
            {themeChoices.map((t) => (
              <View
                key={t}
                className={`chip ${draft.themes.includes(t) ? 'chip--on' : ''}`}
                {...asButton(() => patch({ themes: toggle(draft.themes, t) }), { pressed: draft.themes.includes(t) })}
              >
                {t}
              </View>
            ))}
          </View>
        </View>
        {saved?.planTaskChanged ? (
          <Text className="block field__error">工作要点重新导入后，本活动关联的计划任务有改动或已删除，请核对下面的任务后保存。</Text>
        ) : null}
        <TaskPicker city={city} draft={suggestionDraft} value={draft.planTasks} onChange={(planTasks) => patch({ planTasks })} />
        {errors.planTasks || errors['planTasks.0'] ? <Text className="field__error">{errors.planTasks ?? errors['planTasks.0']}</Text> : null}
      </View>

      <View className="section">
        <Button className="btn btn--ghost btn--block org-actions" loading={busy} disabled={busy} onClick={() => void saveDraft()}>
          {repeats ? '保存全部场次' : '保存'}
        </Button>
        {editable ? (
          <Button className="btn btn--block org-actions" disabled={busy} onClick={() => void saveAndSubmit()}>
            {repeats ? '保存全部并提交审核' : '保存并提交审核'}
          </Button>
        ) : null}
      </View>

      {eventId && needingShifts.ids.has(eventId) ? <Text className="section block volunteer-need-hint">该任务需要科技志愿者，可在下方添加志愿岗位</Text> : null}
      {eventId ? <ShiftsEditor eventId={eventId} eventTitle={draft.title} defaultStart={draft.startsAt} defaultEnd={draft.endsAt} /> : null}
    </PageShell>
  );
}
