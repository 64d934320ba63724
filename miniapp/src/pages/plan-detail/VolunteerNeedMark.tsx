// The mark on a plan task that calls for 科技志愿服务 (the server reads it off the
// task's words): a short tag on the row, a sentence when the task is open.
import { Text } from '@tarojs/components';

export default function VolunteerNeedMark({ long = false }: { long?: boolean }) {
  return long ? (
    <Text className="block volunteer-need">本任务需要科技志愿者：承办单位可为相关活动设置志愿岗位，志愿者可在“志愿岗位”中申请。</Text>
  ) : (
    <Text className="tag volunteer-need-tag">需志愿者</Text>
  );
}
